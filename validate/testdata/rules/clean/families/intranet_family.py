# A family file is never read by pwbconf; only its name matters.
