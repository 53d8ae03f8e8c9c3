"""Sellpages: a seller's landing pages, and linking campaigns to them by their ads' URLs."""
