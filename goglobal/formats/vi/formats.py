# Django's own `vi` formats have no thousands grouping, parse 05/06/2025 month-first and start
# weeks on Sunday. Vietnamese writes 1.234.567,5 and 05/06/2025 is the 5th of June.
DATE_FORMAT = "j \\t\\h\\á\\n\\g n \\n\\ă\\m Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "H:i, d/m/Y"
YEAR_MONTH_FORMAT = "\\t\\h\\á\\n\\g n \\n\\ă\\m Y"
MONTH_DAY_FORMAT = "j \\t\\h\\á\\n\\g n"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
