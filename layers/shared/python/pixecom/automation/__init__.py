"""The AutomationWorker's use case: after a stats sync, the account's alerts and its seller's
rules, evaluated at one instant on shared Ads Manager reads, then the due webhooks. The two parts
stay in their packages (`pixecom.alerts`, `pixecom.rules`); this one only puts them together."""
