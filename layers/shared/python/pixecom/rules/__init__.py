"""Automated rules: the rule spec, evaluation on the Ads Manager numbers, previews and actions."""
