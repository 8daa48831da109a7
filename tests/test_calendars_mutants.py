"""Behaviour tests written to kill surviving mutants of the calendars code (#12 item 1)."""
