"""PixEcom Ads Manager backend: the one package every Lambda function imports."""

import os

__version__ = "0.1.0"

# Pydantic looks for plugins (the entry points of every installed distribution, through
# importlib.metadata) when it builds its first model: 60-70 ms of every cold start's CPU, for no
# plugin at all here. Set before any model is built, as every handler imports this package first;
# an environment that wants a plugin sets the variable itself.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
