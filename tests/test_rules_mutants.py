"""Behaviour tests written to kill surviving mutants of the rules code (#12 item 1)."""
