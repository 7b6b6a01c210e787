"""Turning real Form 4 XML into annotated training text, and training the models."""
