def test_home_renders(client, make):
    product = make.product(names={"en": "High Mountain Oolong", "th": "ชาอู่หลงเขาสูง"})
    make.zone(products=[product], titles={"en": "Picks"})
    response = client.get("/th/")
    assert response.status_code == 200, response.get_data(as_text=True)[:3000]
    html = response.get_data(as_text=True)
    assert "ชาอู่หลงเขาสูง" in html
