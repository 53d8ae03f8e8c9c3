"""Exchange rates: daily reference rates from their sources, stored, and conversions with them."""
