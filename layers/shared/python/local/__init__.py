"""`pixecom dev`: the whole system on one machine (embedded Postgres, simulator, API, scheduler)."""
