"""What a number is counted in: number words, scales, currencies (signs, codes and words, as
wire services and newspapers write them), units of measure, of time and of rates."""

from __future__ import annotations

import re

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = {**UNITS_WORDS, **TENS_WORDS}

# Scales, as written after a number. "m", "b" and "k" only glued or after a currency (see
# figures.py); "crore" and "lakh" are the Indian 10 million and 100,000.
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "billions": 1e9,
    "bln": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}

# Currency signs and codes written before a number. "¥" alone is yen or yuan: the article
# decides (facts/extract.py), else the unit says both.
YEN_OR_YUAN = "JPY|CNY"
SIGNS = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "nt$": "TWD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": YEN_OR_YUAN,
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "fr": "CHF",
    "sfr": "CHF",
    "dm": "DEM",
}
CODES = frozenset(
    """USD EUR GBP JPY CNY CHF AUD CAD NZD HKD SGD INR KRW RUB BRL MXN ZAR SEK NOK DKK TWD
    THB IDR MYR PHP PKR SAR AED TRY PLN CZK HUF ILS EGP NGN KES ARS CLP COP RMB DEM FRF ITL
    NLG BEF ESP""".split()
)

# Currency words written after a number, with the country word that may come before them
# ("Australian dlrs", "N.Z. Dlrs", "H.K. dollars", "Canadian cts").
DOLLAR_WORDS = frozenset("dlrs dlr dollars dollar".split())
CENT_WORDS = frozenset("cts ct cents cent".split())
CURRENCY_WORDS = {
    "stg": "GBP",
    "sterling": "GBP",
    "pounds": "GBP",
    "pound": "GBP",
    "pence": "GBP/100",
    "p": "GBP/100",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "rupees": "INR",
    "rupee": "INR",
    "marks": "DEM",
    "mark": "DEM",
    "lire": "ITL",
    "lira": "ITL",
    "guilders": "NLG",
    "pesos": "MXN",
    "won": "KRW",
    "ringgit": "MYR",
    "rand": "ZAR",
    "riyals": "SAR",
    "roubles": "RUB",
    "rubles": "RUB",
    "crowns": "SEK",
    "kronor": "SEK",
    "kroner": "NOK",
    "shekels": "ILS",
    "baht": "THB",
    "rupiah": "IDR",
    "francs": "FRANC",
    "franc": "FRANC",
    "forints": "HUF",
    "forint": "HUF",
    "zlotys": "PLN",
    "zloty": "PLN",
    "krona": "SEK",
    "krone": "NOK",
    "pesetas": "ESP",
    "escudos": "PTE",
    "drachmas": "GRD",
    "schillings": "ATS",
    "cruzados": "BRL",
    "reais": "BRL",
    "australs": "ARS",
    "dinars": "DINAR",
    "dirhams": "AED",
    "rials": "IRR",
    "naira": "NGN",
    "kwacha": "ZMK",
    "hryvnia": "UAH",
    "lev": "BGN",
    "leva": "BGN",
    "lei": "RON",
    "liras": "TRY",
    "taka": "BDT",
    "dong": "VND",
    "kyat": "MMK",
    "cedis": "GHS",
    "shillings": "SHILLING",
}
# Which dollar, franc or peso a country word names.
COUNTRY_DOLLARS = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "aust": "AUD",
    "canadian": "CAD",
    "can": "CAD",
    "n.z.": "NZD",
    "nz": "NZD",
    "zealand": "NZD",
    "h.k.": "HKD",
    "hk": "HKD",
    "kong": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "swiss": "CHF",
    "french": "FRF",
    "belgian": "BEF",
    "mexican": "MXN",
    "argentine": "ARS",
    "philippine": "PHP",
}
# The country words that settle an undecided currency when an article names them.
FRANC_COUNTRIES = {
    "CHF": ("swiss", "switzerland", "zurich", "geneva", "berne", "bern", "basle", "basel"),
    "FRF": ("france", "french", "paris"),
    "BEF": ("belgium", "belgian", "brussels"),
}
YEN_COUNTRIES = {
    "JPY": ("japan", "japanese", "tokyo", "yen", "osaka", "nikkei"),
    "CNY": ("china", "chinese", "beijing", "peking", "shanghai", "yuan", "renminbi", "rmb"),
}
DOLLAR_COUNTRIES = {
    "AUD": ("australia", "australian", "sydney", "melbourne"),
    "CAD": ("canada", "canadian", "toronto", "ottawa", "montreal"),
    "NZD": ("zealand", "wellington", "auckland"),
    "HKD": ("hong kong",),
    "SGD": ("singapore",),
}

PERCENT = re.compile(r"%|\s?(?:pct|percent|per\s+cent)\b", re.I)
POINTS = re.compile(r"\s?(?:percentage|pct|percent)[\s-]+points?\b", re.I)
BASIS_POINTS = re.compile(r"\s?(?:basis|base)[\s-]+points?\b|\s?bps?\b", re.I)

# Units of measure, as written: (pattern, the unit's one name). Longest first where they
# share a start. A unit must stand as a word of its own ("5.0-liter" counts: hyphen).
MEASURES: list[tuple[str, str]] = [
    (
        r"barrels?\s+(?:of\s+\w+\s+)?(?:per|a)\s+day|barrels?\s+(?:of\s+\w+\s+)?daily|bpd|b/d",
        "barrels per day",
    ),
    (r"barrels?|bbls?", "barrels"),
    (r"(?:metric\s+)?tonnes?|(?:metric\s+|short\s+|long\s+)?tons?", "tonnes"),
    (r"hectares?|ha", "hectares"),
    (r"acres?", "acres"),
    (r"square\s+(?:kilometres?|kilometers?|km)|sq\s+km|km2", "square kilometres"),
    (r"square\s+(?:miles?)|sq\s+miles?", "square miles"),
    (r"square\s+(?:feet|foot)|sq\s+f(?:ee)?t", "square feet"),
    (r"square\s+(?:metres?|meters?)|sq\s+m|m2", "square metres"),
    (r"kilometres?|kilometers?|km", "kilometres"),
    (r"miles?\s+(?:per|an|a)\s+hour|mph", "miles per hour"),
    (r"km/h|kph|kilometres?\s+(?:per|an|a)\s+hour", "kilometres per hour"),
    (r"miles?", "miles"),
    (r"metres?|meters?", "metres"),
    (r"centimetres?|centimeters?|cm", "centimetres"),
    (r"millimetres?|millimeters?|mm", "millimetres"),
    (r"feet|foot|ft", "feet"),
    (r"inch(?:es)?", "inches"),
    (r"yards?", "yards"),
    (r"kilograms?|kilos?|kg", "kilograms"),
    (r"grams?|g", "grams"),
    (r"milligrams?|mg", "milligrams"),
    (r"(?:troy\s+)?ounces?|oz", "ounces"),
    (r"lbs?", "pounds weight"),
    (r"bushels?", "bushels"),
    (r"bales?", "bales"),
    (r"litres?|liters?|ltrs?", "litres"),
    (r"gallons?", "gallons"),
    (r"cubic\s+(?:metres?|meters?)", "cubic metres"),
    (r"cubic\s+feet|cu\s+ft", "cubic feet"),
    (r"horsepower|hp|bhp", "horsepower"),
    (r"nm|newton[\s-]metres?", "Nm"),
    (r"gigawatts?|gw", "gigawatts"),
    (r"megawatts?|mw", "megawatts"),
    (r"kilowatts?|kw", "kilowatts"),
    (r"kilowatt[\s-]hours?|kwh", "kilowatt hours"),
    (r"terawatt[\s-]hours?|twh", "terawatt hours"),
    (r"gigabytes?|gb", "gigabytes"),
    (r"terabytes?|tb", "terabytes"),
    (r"megabytes?|mb", "megabytes"),
    (r"megapixels?|mp", "megapixels"),
    (r"ghz", "GHz"),
    (r"mhz", "MHz"),
    (r"degrees?\s+(?:celsius|centigrade|c)\b|°\s?c", "degrees Celsius"),
    (r"degrees?\s+(?:fahrenheit|f)\b|°\s?f", "degrees Fahrenheit"),
    (r"volts?", "volts"),
    (r"calories", "calories"),
]
MEASURE = re.compile(
    r"[\s-]?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(MEASURES)) + r")(?![\w/])",
    re.I,
)
# Short unit letters that are words too ("g", "ha", "mb"...) count only glued to the number.
GLUED_ONLY = frozenset("ha g mg cm mm m2 gb tb mb mp kw mw gw nm hp ft km kg oz lb lbs c f".split())
# ... unless written as units are: "11 kW", "5 km", "200 hp" (not "a 5 mb" typo or "ha ha").
AS_UNITS = frozenset("Nm kW MW GW GB TB MB km kg cm mm mg hp ft lb lbs oz".split())
# Words before "pounds" that make them a weight: "a take-off weight of 870,000 pounds".
WEIGHT_WORDS = re.compile(
    r"\b(?:weigh\w*|weight|heav(?:y|ier)|light(?:er)?|payload|thrust|load|lift\w*|catch)\b", re.I
)

DURATIONS = {
    "year": "years",
    "yr": "years",
    "month": "months",
    "mth": "months",
    "week": "weeks",
    "wk": "weeks",
    "day": "days",
    "hour": "hours",
    "hr": "hours",
    "minute": "minutes",
    "min": "minutes",
    "second": "seconds",
    "sec": "seconds",
    "decade": "decades",
    "century": "centuries",
}
DURATION = re.compile(
    r"[\s-](?P<unit>years?|yrs?|months?|mths?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?|decades?|centur(?:y|ies))\b(?P<old>[\s-]+old\b)?",
    re.I,
)


def measure_unit(match: re.Match[str]) -> str:
    """The one name of the unit a MEASURE match found."""
    for name, value in match.groupdict().items():
        if value is not None:
            return MEASURES[int(name[1:])][1]
    raise ValueError("not a MEASURE match")


def duration_unit(word: str) -> str:
    word = word.lower().rstrip("s")
    word = "century" if word == "centurie" else word
    return DURATIONS.get(word, word + "s")
