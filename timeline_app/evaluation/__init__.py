"""TempEval-3 scoring of the temporal engine against TimeML gold files."""
