"""After payment: vendor orders move through one transition service (transitions), vendors
fulfil them (fulfilment), shoppers return goods in the cooling-off period (returns), and what
vendors earn is kept in a ledger that payouts settle (earnings)."""
