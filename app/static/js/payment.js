/* The payment page: Stripe's card form, then the store confirms the payment on the server.
   The card is collected with a SetupIntent (stripe.confirmCardSetup); its payment method is
   posted to the store, which charges the order's PaymentIntent; a card that needs 3-D Secure
   is finished here with stripe.confirmCardPayment. Only Stripe's signed webhook marks the
   order paid: this page then goes to the order's status page, which waits for it. */
(function () {
  "use strict";
  var form = document.getElementById("card-form");
  if (!form || typeof window.Stripe !== "function") {
    return;
  }
  var stripe = window.Stripe(form.dataset.stripeKey);
  var card = stripe.elements().create("card");
  card.mount("#card-element");
  // Give every field of the card form a name for screen readers (Stripe's own frame has
  // them; a stand-in may not).
  Array.prototype.forEach.call(
    document.querySelectorAll("#card-element input"),
    function (input) {
      if (!input.getAttribute("aria-label") && input.placeholder) {
        input.setAttribute("aria-label", input.placeholder.replace(/_/g, " "));
      }
    }
  );
  var button = document.getElementById("pay-button");
  var errors = document.getElementById("card-errors");
  var status = document.getElementById("pay-status");
  var setupSecret = form.dataset.setupSecret;
  button.disabled = !setupSecret;

  function fail(message) {
    errors.textContent = message || status.dataset.failed;
    status.textContent = "";
    button.disabled = false;
  }

  function post(paymentMethod) {
    var body = new FormData(form);
    body.set("payment_method", paymentMethod);
    return fetch(form.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    }).then(function (response) {
      // an expired form, a rate limit or a proxy's error page answers HTML: say the
      // translated "try again" rather than a parser's message
      var type = response.headers.get("Content-Type") || "";
      if (type.indexOf("application/json") === -1) {
        throw { message: "" };
      }
      return response.json();
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    errors.textContent = "";
    status.textContent = status.dataset.working;
    stripe
      .confirmCardSetup(setupSecret, { payment_method: { card: card } })
      .then(function (setup) {
        if (setup.error) {
          throw setup.error;
        }
        return post(setup.setupIntent.payment_method);
      })
      .then(function (answer) {
        if (answer.setup_secret) {
          setupSecret = answer.setup_secret;
        }
        if (answer.status === "requires_action") {
          return stripe.confirmCardPayment(answer.client_secret).then(function (result) {
            if (result.error) {
              throw result.error;
            }
            window.location.assign(answer.next);
          });
        }
        if (answer.status === "declined" || answer.status === "error") {
          fail(answer.message);
          return null;
        }
        window.location.assign(answer.next);
        return null;
      })
      .catch(function (error) {
        fail(error && error.message);
      });
  });
})();
