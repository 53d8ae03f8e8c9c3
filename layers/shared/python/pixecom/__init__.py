"""PixEcom Ads Manager backend: the one package every Lambda function imports."""

__version__ = "0.1.0"
