"""The demo store: real Taiwanese goods in four languages, generated pictures, zones and
demo accounts (see `flask demo-data`)."""
