"""Our own recognisers of personal data in Dutch free text, and how findings are merged.

Pure Python (no deduce): registered names (whole and in parts, any case), addresses, postcodes,
IBAN, BSN, phone numbers, dates, times, employers and organisations, licence plates, ages, names
after relation words and titles. :func:`find_spans` merges these with the findings of another
recogniser (deduce, in the worker process: see ``export.deid_engine``) into non-overlapping
spans; :func:`apply_spans` replaces each by a neutral tag such as ``[persoon]``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from vknz_desktop.domain.summary import REPLACEMENT_TAGS

__all__ = [
    "TAGS",
    "Span",
    "apply_spans",
    "deduce_tag",
    "find_spans",
]

# -- tags ------------------------------------------------------------------------------------
PERSOON = "persoon"
ADRES = "adres"
POSTCODE = "postcode"
PLAATS = "plaats"
DATUM = "datum"
TIJD = "tijd"
TELEFOON = "telefoonnummer"
EMAIL = "e-mail"
URL = "url"
BSN = "bsn"
IBAN = "iban"
INSTELLING = "instelling"
WERKGEVER = "werkgever"
LEEFTIJD = "leeftijd"
NUMMER = "nummer"
KENTEKEN = "kenteken"

TAGS: frozenset[str] = frozenset(
    {PERSOON, ADRES, POSTCODE, PLAATS, DATUM, TIJD, TELEFOON, EMAIL, URL, BSN, IBAN}
    | {INSTELLING, WERKGEVER, LEEFTIJD, NUMMER, KENTEKEN}
)
assert set(REPLACEMENT_TAGS) >= TAGS, "every tag must be known to the summary's highlighting"

# Which finding wins when spans overlap (the merged span gets the tag of the strongest).
_PRIORITY = {
    "naam": 100,
    EMAIL: 95,
    URL: 94,
    IBAN: 92,
    BSN: 90,
    TELEFOON: 85,
    POSTCODE: 80,
    KENTEKEN: 78,
    ADRES: 75,
    DATUM: 65,
    TIJD: 60,
    WERKGEVER: 55,
    INSTELLING: 50,
    PERSOON: 45,
    PLAATS: 40,
    LEEFTIJD: 30,
    NUMMER: 20,
}

_DEDUCE_TAGS = {
    "persoon": PERSOON,
    "patient": PERSOON,
    "ziekenhuis": INSTELLING,
    "zorginstelling": INSTELLING,
    "instelling": INSTELLING,
    "datum": DATUM,
    "leeftijd": LEEFTIJD,
    "telefoonnummer": TELEFOON,
    "emailadres": EMAIL,
    "url": URL,
    "bsn": BSN,
    "id": NUMMER,
    "patientnummer": NUMMER,
}

# A tag that is already in the text (e.g. from a term the user had removed before) stays as is.
_EXISTING_TAG = re.compile(r"\[[a-z][a-z-]{1,30}\]")


@dataclass(frozen=True, order=True)
class Span:
    """Characters ``start:end`` of a text are to be replaced by ``[tag]``."""

    start: int
    end: int
    tag: str
    source: str = ""

    @property
    def priority(self) -> int:
        """Strength of the finding when it overlaps another."""
        return _PRIORITY["naam"] if self.source == "naam" else _PRIORITY.get(self.tag, 10)


# -- our own recognisers -------------------------------------------------------------------
_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo"
_STREET_SUFFIX = (
    "straat|laan|weg|plein|gracht|kade|singel|hof|dreef|pad|steeg|dijk|park|ring|baan|markt|"
    "erf|veld|wal|plantsoen|boulevard|allee|akker|gaarde|horst|kamp|oord|rade|zoom|donk|hout|"
    "burg|haven|straatweg|vaart|wetering|berg|dam|polder|lint|hoeve|tuin|hage|dal|hoek|kwartier|"
    "promenade|passage|galerij|terras|wijk|pier|zijde|buurt"
)
_NAME_WORD = r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ'’]+)*"
_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|te|op|in|aan|la|le|du|da|di|del|dos)"
_BUSINESS_WORDS = (
    "Bakkerij|Slagerij|Schoonmaakbedrijf|Schoonmaakdienst|Hoveniersbedrijf|Hovenier|Tuincentrum|"
    "Restaurant|Café|Cafetaria|Snackbar|Lunchroom|Hotel|Garage|Autobedrijf|Autoschade|"
    "Transportbedrijf|Transport|Koeriersdienst|Bouwbedrijf|Installatiebedrijf|Schildersbedrijf|"
    "Loodgietersbedrijf|Drukkerij|Uitzendbureau|Detacheringsbureau|Kapsalon|Kapper|Supermarkt|"
    "Thuiszorg|Zorggroep|Kinderopvang|Kinderdagverblijf|Callcenter|Distributiecentrum|"
    "Magazijn|Fietsenmaker|Fietsenwinkel|Bloemenzaak|Bloemist|Kwekerij|Tuinderij|Fabriek|"
    "Wasserij|Stichting|Vereniging|Sportschool|Zorgboerderij|Verhuisbedrijf|Beveiligingsbedrijf|"
    "Horecabedrijf|Pizzeria|Bistro|Brasserie|Eethuis|Winkel|Webshop|Groothandel|Keurslager|"
    "Accountantskantoor|Administratiekantoor|Makelaardij|Apotheek|Tandartspraktijk|Huisartsenpraktijk"
)
_KNOWN_EMPLOYERS = (
    "Albert Heijn|AH|Jumbo|Lidl|Aldi|Plus|Dirk van den Broek|Dirk|Hoogvliet|Vomar|Coop|Spar|"
    "Action|Hema|Kruidvat|Etos|Zeeman|Wibra|Blokker|Xenos|Primark|IKEA|Gamma|Praxis|Karwei|"
    "Hornbach|MediaMarkt|Coolblue|Bol\\.com|bol|PostNL|DHL|GLS|DPD|Randstad|Tempo-Team|"
    "Start People|Adecco|Manpower|Olympia|Unique|Timing|McDonald's|Burger King|KFC|Domino's|"
    "New York Pizza|Thuisbezorgd|Picnic|Flink|Schiphol|NS|RET|HTM|Connexxion|Arriva"
)

_RE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_RE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()]+[^\s<>().,;:!?]")
_RE_IBAN = re.compile(
    r"\b[A-Z]{2}[ ]?\d{2}[ ]?[A-Z]{4}(?:[ ]?\d){10}\b"  # NL and alike
    r"|\b[A-Z]{2}[ ]?\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b",
    re.IGNORECASE,
)
_RE_DIGITS_9 = re.compile(r"(?<![\d.,-])\d(?:[ .]?\d){7,8}(?![\d,-]|\.\d)")
_RE_BSN_CONTEXT = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)\b[\s:.\-()a-z]{0,20}?"
    r"(\d(?:[ .]?\d){7,8})",
    re.IGNORECASE,
)
_RE_PHONE_INTL = re.compile(
    r"(?<![\w+])(?:\+|00)[1-9]\d{0,2}[\s.\-]?(?:\(0\)[\s.\-]?)?\d{1,4}(?:[\s.\-]?\d{2,4}){1,5}\b"
)
_RE_PHONE_NL = re.compile(
    r"(?<![\d\w])(?:\(0\d{1,3}\)[\s\-]?\d(?:[\s\-]?\d){5,7}"
    r"|0\d{1,3}[\s\-/]?\d(?:[\s\-]?\d){5,7})(?![\d\w])"
)
_RE_POSTCODE = re.compile(
    r"\b[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}\b|\b[1-9]\d{3}(?!sa|sd|ss)[a-z]{2}\b"
)
# Letter pairs that are units more often than postcodes ("1250 mg"): a postcode only when
# "postcode" comes before or a place name after.
_UNIT_PAIRS = frozenset(["mg", "ml", "kg", "km", "cm", "mm", "gb", "mb", "kb", "cl", "dl", "gr"])
_RE_POSTCODE_CUE = re.compile(r"postcode\W{0,3}$", re.IGNORECASE)
_RE_PLACE_AFTER = re.compile(r"[ ,]+[A-ZÀ-Ý][a-zà-ÿ]")
_RE_STREET_NUMBER = re.compile(
    rf"(?:\b(?:{_NAME_WORD}|{_PARTICLE}|Burg\.|Dr\.|Mr\.|St\.|Prof\.)[ ]){{0,4}}"
    rf"\b[A-ZÀ-Ý][\wà-ÿ'’\-]*(?:{_STREET_SUFFIX})\b"
    r"[ ]?\d{1,4}(?:[ ]?[-/]?[ ]?(?:[a-zA-Z]\b|[IVX]{1,4}\b|hs\b|bis\b|\d{1,3}\b))?"
    r"(?![\w])"  # "Heidelberglaan 11111" or "1ab" is not a house number
)
_RE_STREET_CONTEXT = re.compile(
    r"\b(?:woont|wonen|woonde|verhuist|verhuisd|adres is|adres:|op|aan|in)\s+(?:de|het|'t)?\s*"
    rf"((?:(?:{_NAME_WORD}|{_PARTICLE})[ ]){{0,3}}[A-ZÀ-Ý][\wà-ÿ'’\-]*(?:{_STREET_SUFFIX}))\b"
    r"(?:[ ]?\d{1,5}(?:[ ]?[-/]?[ ]?(?:[a-zA-Z]\b|[IVX]{1,4}\b|\d{1,3}\b))?)?"
)
_RE_ADDRESS_AFTER_WOONT = re.compile(
    r"\b(?:woont|wonen|woonde)\s+(?:op|aan)\s+(?:de\s+|het\s+)?"
    rf"((?:{_NAME_WORD}[ ]){{1,3}}\d{{1,5}}(?:[ ]?[-/]?[ ]?(?:[a-zA-Z]\b|[IVX]{{1,4}}\b))?)"
)
_RE_DATE_WRITTEN = re.compile(
    rf"\b(?:(?:{_WEEKDAYS})\.?,?\s+(?:de\s+)?)?(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de)?\s+"
    rf"(?:{_MONTHS})\.?"
    r"(?:\s+(?:19|20)\d{2})?(?![\w])",
    re.IGNORECASE,
)
_RE_DATE_NUMERIC = re.compile(
    r"(?<![\d/.\-])(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})"
    r"(?![\d/\-]|\.\d)"
)
_RE_DATE_SHORT = re.compile(
    r"\b(?:op|per|tot|vanaf|voor|na|sinds|uiterlijk|afspraak|datum)\s+"
    r"((?:(?:" + _WEEKDAYS + r")\.?\s+)?(?:[12]\d|3[01]|0?[1-9])[-/](?:1[0-2]|0?[1-9]))(?![\d/\-])",
    re.IGNORECASE,
)
_RE_DATE_RELATIVE = re.compile(
    r"\b(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de)?\s+(?:jl|j\.l|a\.s|as|jongstleden|aanstaande)\b\.?",
    re.IGNORECASE,
)
_RE_WEEKDAY_DATE = re.compile(
    rf"\b(?:{_WEEKDAYS})\s+(?:[12]\d|3[01]|0?[1-9])(?:e|ste|de)?\b(?!\s*(?:minuten|uur|keer|jaar))",
    re.IGNORECASE,
)
_RE_TIME = re.compile(
    r"(?<![\d:.])(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*uur)?(?![\d:])"
    r"|\b(?:om|tot|vanaf|rond)\s+(?:[01]?\d|2[0-3])\s*uur\b",
    re.IGNORECASE,
)
_RE_LONG_NUMBER = re.compile(r"(?<![\w.,])\d{6,}(?![\w])")
_RE_BUSINESS = re.compile(
    rf"\b(?:{_BUSINESS_WORDS})\s+(?:(?:{_NAME_WORD}|{_PARTICLE}|&|\d+)\s+){{0,4}}"
    rf"(?:{_NAME_WORD}|[A-Z]{{2,}})"
)
_RE_KNOWN_EMPLOYER = re.compile(rf"(?<![\w-])(?:{_KNOWN_EMPLOYERS})(?![\w-])")
_RE_EMPLOYER_SUFFIX = re.compile(
    rf"\b(?:(?:{_NAME_WORD}|{_PARTICLE}|&)\s+){{0,4}}{_NAME_WORD}\s+"
    r"(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|Holding|Groep|Group|& Zn\.?|en Zonen)(?![\w])"
)
_RE_WORK_CONTEXT = re.compile(
    r"\b(?:werkt|werkte|werken|gewerkt|baan|stage|werkplek|proefplaatsing|vacature|contract|"
    r"solliciteert|solliciteerde|gesolliciteerd|sollicitatiegesprek|in dienst|ontslagen|"
    r"werkgever|leidinggevende|opdrachtgever|vakkenvuller|schoonmaker|chauffeur|medewerker)\b"
    r"[^.!?\n]{0,40}?\b(?:bij|van)\s+"
    rf"((?:{_NAME_WORD}|[A-Z]{{2,}})(?:\s+(?:{_NAME_WORD}|{_PARTICLE}|&|[A-Z]{{2,}}))*)",
)
_RE_TITLE_NAME = re.compile(
    r"\b(?:[Mm]eneer|[Mm]evrouw|[Mm]evr\.|[Mm]w\.|[Dd]hr\.|[Dd]e heer|[Jj]uffrouw|[Mm]r\.|[Dd]r\.)"
    rf"\s+(?:[A-Z]\.\s*)*(?:{_PARTICLE}\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD})?"
)

# Dutch licence plates: three groups of letters or digits with dashes, six characters in all,
# at least one group of each kind ("12-ABC-3", "VNK-42-T", "D-123-BF").
_RE_PLATE = re.compile(
    r"(?<![\w-])([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})-([A-Za-z]{1,3}|\d{1,3})(?![\w-])"
)
_AGE_FOLLOWS = (
    r"(?=\s*(?:[.,;:!?)]|$|oud\b|en\b|toen\b|maar\b|geworden\b|is\b|was\b|heeft\b|had\b|"
    r"woont\b|werkt\b|met\b|\())"
)
_RE_AGE = re.compile(
    # "37-jarige", "37 jaar oud", "leeftijd 37", "een vrouw van 37", "hij is 37 jaar."
    r"\b\d{1,3}\s?-?\s?jarige?\b"
    r"|\b\d{1,3}\s+(?:jaar|jr\.?)\s+oud\b"
    r"|(?<=\b[Ll]eeftijd\s)\s*(?:van\s+)?\d{1,3}(?:\s+jaar)?\b"
    r"|(?<=\b[Ll]eeftijd:\s)\s*\d{1,3}(?:\s+jaar)?\b"
    r"|(?<=\b[Ll]eeftijd:)\d{1,3}\b"
    r"|(?:(?<=\bman\svan\s)|(?<=\bvrouw\svan\s)|(?<=\bjongen\svan\s)|(?<=\bmeisje\svan\s)"
    r"|(?<=\bkind\svan\s)|(?<=\bzoon\svan\s)|(?<=\bdochter\svan\s)|(?<=\bjongeman\svan\s))"
    r"\d{1,3}(?:\s+(?:jaar|jr\.?))?\b(?!\s*(?:procent|euro|uur|minuten|kilo|%))"
    r"|(?:(?<=\bis\s)|(?<=\bwas\s)|(?<=\bwordt\s)|(?<=\bwerd\s)|(?<=\bben\s)|(?<=\bbent\s)"
    r"|(?<=\bpas\s)|(?<=\bnet\s)|(?<=\bbijna\s)|(?<=\bruim\s))"
    r"\d{1,3}(?:\s+(?:jaar|jr\.?))?" + _AGE_FOLLOWS,
)
_RE_BIRTH_YEAR = re.compile(
    r"\b(?:geboren|geb\.)\s+(?:in\s+|op\s+)?((?:19|20)\d{2})\b(?![-/.]\d)"
    r"|\bgeboortejaar\s*:?\s*((?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    "een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|"
    "vijftien|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|"
    "zeventig|tachtig|negentig|honderd"
)
_RE_STREET_WORD_NUMBER = re.compile(
    rf"\b[A-ZÀ-Ý][\wà-ÿ'’\-]*(?:{_STREET_SUFFIX})\s+"
    rf"(?:(?:{_NUMBER_WORDS})(?:en)?)+(?:(?:{_NUMBER_WORDS}))?\b"
)
# A proper name: capitalised, CamelCase ("CleanPro") or an abbreviation ("ABC").
_PROPER = rf"(?:{_NAME_WORD}|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{{2,}}[a-z]*)"
_PROPER_NAME = rf"(?:(?:De|Het|'t|Van|Den|Ter|Ten)\s+)?{_PROPER}(?:\s+(?:&\s+)?{_PROPER})*"
_RE_ORGANISATION_WORD = re.compile(
    r"\b([a-zà-ÿ]*(?:bedrijf|bedrijven|dienst|winkel|zaak|kantoor|bureau|fabriek|"
    r"kwekerij|garage|supermarkt|restaurant|hotel|bakkerij|slagerij|groothandel|"
    r"uitzendbureau|onderneming|firma|zaak|werkgever|school|opvang|kinderopvang|kliniek|"
    r"praktijk|centrum|vereniging|stichting|instelling|zorginstelling|organisatie|club))"
    rf"\s+({_PROPER_NAME})"
)
_SCHOOLISH = re.compile(r"(?:school|opvang|kliniek|praktijk|centrum|instelling|stichting)$")
_RE_EARLIER_AT = re.compile(
    r"\b(?:eerder|vroeger|daarvoor|voorheen|destijds|laatst|nu|sinds\s+kort|tijdelijk|"
    r"in\s+dienst|gewerkt|werkzaam|stage|stagelopen|vrijwilliger|vrijwilligerswerk)\s+bij\s+"
    rf"({_PROPER_NAME})"
)
# "De Regenboog" in the middle of a sentence: a capital "De"/"Het" makes it a proper name.
_RE_CAPITAL_ARTICLE = re.compile(rf"(?<=[a-zà-ÿ,;]\s)(?:De|Het|'t)\s+{_PROPER}(?:\s+{_PROPER})*")
_RELATION_WORDS = (
    "ex|ex-man|ex-vrouw|ex-partner|expartner|zoon|dochter|man|vrouw|partner|vriend|vriendin|"
    "broer|broertje|zus|zusje|zuster|moeder|vader|opa|oma|neef|nicht|oom|tante|buurman|"
    "buurvrouw|buurjongen|buurmeisje|schoonmoeder|schoonvader|schoonzoon|schoondochter|"
    "zwager|schoonzus|stiefvader|stiefmoeder|stiefzoon|stiefdochter|kleinzoon|kleindochter|"
    "kind|baby|verloofde|echtgenoot|echtgenote|collega|begeleider|bewindvoerder|mentor|"
    "maatje|huisarts|advocaat|consulent|casemanager|hulpverlener|jongste|oudste|vriendje|"
    "vriendinnetje|huisgenoot|kamergenoot|klasgenoot|leidinggevende|baas|chef|zoontje|dochtertje"
)
_RE_RELATION_NAME = re.compile(
    rf"\b(?:{_RELATION_WORDS})\s+((?:[A-Z]\.\s*)*{_NAME_WORD}"
    rf"(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD})?)"
)
# Capitalised words that may follow a name without being a surname.
_NOT_A_SURNAME = frozenset(
    [
        "ik",
        "je",
        "jij",
        "u",
        "hij",
        "zij",
        "ze",
        "wij",
        "we",
        "jullie",
        "zij",
        "het",
        "de",
        "een",
        "en",
        "maar",
        "want",
        "dus",
        "toen",
        "die",
        "dat",
        "dit",
        "deze",
        "daar",
        "hier",
        "nu",
        "ook",
        "nog",
        "wel",
        "niet",
        "geen",
        "als",
        "of",
        "om",
        "op",
        "in",
        "aan",
        "bij",
        "met",
        "van",
        "voor",
        "na",
        "tot",
    ]
)

# Words that are never a name on their own, even when they are part of a registered name
# ("Klant A", "Collega Noor", "van der Berg"): roles, titles, particles.
_ROLE_WORDS = frozenset(
    [
        "klant",
        "klanten",
        "klantmanager",
        "werkregisseur",
        "onderzoeker",
        "collega",
        "coach",
        "leidinggevende",
        "trainer",
        "tolk",
        "meneer",
        "mevrouw",
        "heer",
        "dhr",
        "mw",
        "mevr",
        "juffrouw",
    ]
)
_PARTICLES = frozenset(
    [
        "de",
        "der",
        "den",
        "van",
        "het",
        "t",
        "'t",
        "ter",
        "ten",
        "te",
        "op",
        "in",
        "aan",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "dos",
        "von",
        "zu",
        "y",
        "en",
        "of",
    ]
)
# Particles that are also first names ("Ben", "El"): a name part only as the first word.
_FIRST_WORD_NAMES = frozenset(["el", "al", "ben", "bin"])
_NOT_A_NAME = _ROLE_WORDS | _PARTICLES | _FIRST_WORD_NAMES


def _bsn_valid(digits: str) -> bool:
    if len(digits) != 9 or not digits.isdigit():
        return False
    total = sum((9 - i) * int(d) for i, d in enumerate(digits[:8])) - int(digits[8])
    return total % 11 == 0


def _iban_valid(text: str) -> bool:
    compact = re.sub(r"\s", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def _real_numeric_date(value: str) -> bool:
    """ "14-03-1961" or "1961-03-14", not "32-01-2018" or "2018-13-01"."""
    parts = [int(p) for p in re.split(r"[-/.]", value)]
    day, month = (parts[2], parts[1]) if parts[0] > 31 else (parts[0], parts[1])
    return 1 <= day <= 31 and 1 <= month <= 12


def _regex_spans(text: str) -> Iterator[Span]:
    for match in _RE_EMAIL.finditer(text):
        yield Span(match.start(), match.end(), EMAIL, "regex")
    for match in _RE_URL.finditer(text):
        yield Span(match.start(), match.end(), URL, "regex")
    for match in _RE_IBAN.finditer(text):
        value = match.group(0)
        nl_shape = re.fullmatch(r"[A-Za-z]{2}[ ]?\d{2}[ ]?[A-Za-z]{4}(?:[ ]?\d){10}", value)
        if _iban_valid(value) or (nl_shape and value[:2].upper() == "NL"):
            yield Span(match.start(), match.end(), IBAN, "regex")
    for match in _RE_BSN_CONTEXT.finditer(text):
        yield Span(match.start(1), match.end(1), BSN, "regex")
    for match in _RE_DIGITS_9.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if _bsn_valid(digits):
            yield Span(match.start(), match.end(), BSN, "regex")
    for match in _RE_PHONE_INTL.finditer(text):
        if sum(ch.isdigit() for ch in match.group(0)) >= 8:
            yield Span(match.start(), match.end(), TELEFOON, "regex")
    for match in _RE_PHONE_NL.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        if len(digits) == 10:
            yield Span(match.start(), match.end(), TELEFOON, "regex")
    for match in _RE_POSTCODE.finditer(text):
        if (
            match.group(0)[-2:].lower() in _UNIT_PAIRS
            and not _RE_POSTCODE_CUE.search(text, max(0, match.start() - 12), match.start())
            and not _RE_PLACE_AFTER.match(text, match.end())
        ):
            continue
        yield Span(match.start(), match.end(), POSTCODE, "regex")
    for match in _RE_STREET_NUMBER.finditer(text):
        yield Span(match.start(), match.end(), ADRES, "regex")
    for match in _RE_STREET_CONTEXT.finditer(text):
        yield Span(match.start(1), match.end(), ADRES, "regex")
    for match in _RE_ADDRESS_AFTER_WOONT.finditer(text):
        yield Span(match.start(1), match.end(1), ADRES, "regex")
    for match in _RE_DATE_NUMERIC.finditer(text):
        if _real_numeric_date(match.group(0)):
            yield Span(match.start(), match.end(), DATUM, "regex")
    for pattern in (_RE_DATE_WRITTEN, _RE_WEEKDAY_DATE, _RE_DATE_RELATIVE):
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), DATUM, "regex")
    for match in _RE_DATE_SHORT.finditer(text):
        yield Span(match.start(1), match.end(1), DATUM, "regex")
    for match in _RE_TIME.finditer(text):
        yield Span(match.start(), match.end(), TIJD, "regex")
    for match in _RE_LONG_NUMBER.finditer(text):
        yield Span(match.start(), match.end(), NUMMER, "regex")
    for pattern in (_RE_BUSINESS, _RE_KNOWN_EMPLOYER, _RE_EMPLOYER_SUFFIX):
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), WERKGEVER, "regex")
    for match in _RE_WORK_CONTEXT.finditer(text):
        yield Span(match.start(1), match.end(1), WERKGEVER, "regex")
    for match in _RE_TITLE_NAME.finditer(text):
        yield Span(match.start(), match.end(), PERSOON, "regex")
    for match in _RE_PLATE.finditer(text):
        groups = match.groups()
        if (
            sum(len(g) for g in groups) == 6
            and any(g.isdigit() for g in groups)
            and any(g.isalpha() for g in groups)
            and all(g.isupper() or g.isdigit() for g in groups)
        ):
            yield Span(match.start(), match.end(), KENTEKEN, "regex")
    for match in _RE_AGE.finditer(text):
        yield Span(match.start(), match.end(), LEEFTIJD, "regex")
    for match in _RE_BIRTH_YEAR.finditer(text):
        group = 1 if match.group(1) else 2
        yield Span(match.start(group), match.end(group), DATUM, "regex")
    for match in _RE_STREET_WORD_NUMBER.finditer(text):
        yield Span(match.start(), match.end(), ADRES, "regex")
    for match in _RE_ORGANISATION_WORD.finditer(text):
        word = match.group(1).lower()
        tag = INSTELLING if _SCHOOLISH.search(word) else WERKGEVER
        yield Span(match.start(), match.end(), tag, "regex")
    for match in _RE_EARLIER_AT.finditer(text):
        yield Span(match.start(1), match.end(1), WERKGEVER, "regex")
    for match in _RE_CAPITAL_ARTICLE.finditer(text):
        yield Span(match.start(), match.end(), INSTELLING, "regex")
    for match in _RE_RELATION_NAME.finditer(text):
        first = match.group(1).split()[0].lower()
        if first not in _NOT_A_SURNAME:
            yield Span(match.start(1), match.end(1), PERSOON, "regex")


# -- registered names ------------------------------------------------------------------------
def _name_variants(name: str) -> list[str]:
    """The full name, the surname with its particles, and each part that can be a name."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if not words:
        return []
    variants: set[str] = set()
    whole = " ".join(words)
    # A one-word "name" that is a role or particle ("Klant", "de") or a single letter would wipe
    # out ordinary words; it identifies nobody, so it is not used.
    if len(words) > 1 or (len(whole) >= 2 and whole.lower().strip(".") not in _NOT_A_NAME):
        variants.add(whole)
    lowered = [w.lower().strip(".") for w in words]
    for index in range(1, len(words)):
        if lowered[index - 1] in _NOT_A_NAME and lowered[index] not in _NOT_A_NAME:
            # "El Idrissi", "de Graaf", "van der Berg": particles with the rest of the name
            start = index - 1
            while start > 0 and lowered[start - 1] in _PARTICLES | _FIRST_WORD_NAMES:
                start -= 1
            if lowered[start] not in _ROLE_WORDS:
                variants.add(" ".join(words[start:]))
    for position, word in enumerate(words):
        for part in word.split("-"):
            bare = part.strip(".'’").lower()
            if len(bare) < 2 or bare in _ROLE_WORDS or bare in _PARTICLES:
                continue
            if bare in _FIRST_WORD_NAMES and position > 0:
                continue
            variants.add(part.strip(".'’"))
        if "-" in word and len(word) >= 3:
            variants.add(word)
    return sorted(variants, key=len, reverse=True)


# Names that are also ordinary Dutch words ("Bakker", "Post", "Roos", "Wil"): as a part of a
# registered name they are only recognised with a capital letter, so "als bakker werken" stays.
_COMMON_WORD_NAMES = frozenset(
    [
        "bakker",
        "visser",
        "smit",
        "smid",
        "boer",
        "groot",
        "bos",
        "vos",
        "dekker",
        "wit",
        "graaf",
        "meer",
        "kok",
        "haan",
        "koster",
        "prins",
        "post",
        "kuiper",
        "brouwer",
        "kramer",
        "molenaar",
        "timmerman",
        "schipper",
        "koning",
        "wolf",
        "zwart",
        "roos",
        "hoek",
        "berg",
        "dam",
        "brink",
        "dijk",
        "beek",
        "veen",
        "vink",
        "mol",
        "kroon",
        "schaap",
        "vogel",
        "haas",
        "groen",
        "blom",
        "klein",
        "lang",
        "jong",
        "winter",
        "zomer",
        "storm",
        "snel",
        "wever",
        "schilder",
        "koopman",
        "maas",
        "hout",
        "stam",
        "ridder",
        "burger",
        "boom",
        "steen",
        "muis",
        "kat",
        "hond",
        "vis",
        "bloem",
        "lam",
        "hart",
        "hoorn",
        "kamp",
        "horst",
        "ham",
        "hof",
        "laan",
        "poort",
        "kerk",
        "toren",
        "water",
        "zee",
        "duin",
        "heuvel",
        "wijn",
        "brood",
        "beker",
        "kater",
        "pauw",
        "zwaan",
        "valk",
        "arend",
        "raaf",
        "kraai",
        "mees",
        "baas",
        "knecht",
        "kapitein",
        "kaptein",
        "dokter",
        "rechter",
        "schepper",
        "hoop",
        "mei",
        "lente",
        "zon",
        "ben",
        "wil",
        "fleur",
        "iris",
        "lot",
        "lieve",
        "joy",
        "storm",
        "sterre",
        "puck",
        "mus",
        "els",
        "bram",
        "knol",
        "pot",
        "kuip",
        "krijger",
        "wachter",
        "jager",
        "herder",
        "slager",
        "kuijper",
        "meijer",
        "meier",
        "rood",
        "bruin",
        "blauw",
        "noord",
        "zuid",
        "oost",
        "west",
        "bergen",
        "berg",
        "stad",
        "dorp",
        "boer",
        "veld",
        "akker",
        "weide",
        "heide",
        "zand",
        "klei",
        "wagenaar",
        "pijl",
        "boog",
        "speelman",
        "zanger",
        "kruis",
        "kroes",
        "beer",
        "leeuw",
        "vries",
        "bouwman",
        "huisman",
    ]
)


@functools.lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """(pattern for any letter case, pattern for capitalised common-word parts)."""
    variants: set[str] = set()
    for name in names:
        variants.update(_name_variants(name))
    if not variants:
        return None, None
    anycase = [v for v in variants if " " in v or v.lower() not in _COMMON_WORD_NAMES]
    capital = [v for v in variants if " " not in v and v.lower() in _COMMON_WORD_NAMES]

    def alternatives(values: list[str]) -> str:
        return "|".join(
            r"\s+".join(re.escape(w) for w in v.split())
            for v in sorted(values, key=len, reverse=True)
        )

    # A name as a whole word, also with a possessive ('s, s) stuck to it.
    edge_start, edge_end = r"(?<![\w@.])", r"(?:'s|’s|s)?(?![\w@])"
    first = (
        re.compile(rf"{edge_start}(?:{alternatives(anycase)}){edge_end}", re.IGNORECASE)
        if anycase
        else None
    )
    second = (
        re.compile(
            edge_start
            + "(?:"
            + "|".join(re.escape(v[:1].upper()) + re.escape(v[1:].lower()) for v in capital)
            + "|"
            + "|".join(re.escape(v.upper()) for v in capital)
            + ")"
            + edge_end
        )
        if capital
        else None
    )
    return first, second


def _name_spans(text: str, names: Sequence[str]) -> Iterator[Span]:
    patterns = _names_pattern(tuple(sorted({n.strip() for n in names if n and n.strip()})))
    for pattern in patterns:
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            yield Span(match.start(), match.end(), PERSOON, "naam")


# -- deduce's tags ---------------------------------------------------------------------------
_STREETISH = re.compile(rf"(?:{_STREET_SUFFIX})\b", re.IGNORECASE)


def deduce_tag(tag: str, value: str) -> str:
    """Our neutral tag for a deduce finding (``locatie`` becomes address or place)."""
    tag = tag.lower()
    if tag == "locatie":
        return ADRES if any(ch.isdigit() for ch in value) or _STREETISH.search(value) else PLAATS
    return _DEDUCE_TAGS.get(tag, NUMMER if tag.endswith("nummer") else PERSOON)


# -- putting it together ---------------------------------------------------------------------
def find_spans(text: str, names: Sequence[str] = (), extra: Iterable[Span] = ()) -> list[Span]:
    """The merged, non-overlapping spans to replace, in text order.

    ``extra``: findings of another recogniser (deduce's, in the worker process).
    """
    if not text.strip():
        return []
    protected = [(m.start(), m.end()) for m in _EXISTING_TAG.finditer(text)]
    found = list(_name_spans(text, names))
    found.extend(_regex_spans(text))
    found.extend(extra)
    found = [
        span
        for span in (_trim(text, s) for s in found)
        if span is not None
        and not any(span.start < end and start < span.end for start, end in protected)
    ]
    return _join_names(text, _extend_names(text, _merge(found)))


def _merge(found: list[Span]) -> list[Span]:
    """Overlapping findings become one span with the tag of the strongest."""
    found.sort(key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in found:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max((last, span), key=lambda s: (s.priority, s.end - s.start))
            merged[-1] = Span(last.start, max(last.end, span.end), best.tag, best.source)
        else:
            merged.append(span)
    return merged


_RE_FOLLOWING_SURNAME = re.compile(rf"[ \t]+((?:{_PARTICLE}[ \t]+)*)({_NAME_WORD})")


def _extend_names(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised word right after a name is its surname: "[persoon] Mater" → "[persoon]"."""
    result: list[Span] = []
    for index, span in enumerate(spans):
        if span.tag == PERSOON:
            limit = spans[index + 1].start if index + 1 < len(spans) else len(text)
            end = span.end
            while (match := _RE_FOLLOWING_SURNAME.match(text, end)) and match.end() <= limit:
                if match.group(2).lower() in _NOT_A_SURNAME:
                    break
                end = match.end()
            span = Span(span.start, end, span.tag, span.source)
        result.append(span)
    return result


_RE_NAME_GAP = re.compile(rf"[ \t]*(?:(?:{_PARTICLE}|-)[ \t]*)*")


def _join_names(text: str, spans: list[Span]) -> list[Span]:
    """One full name is one "[persoon]", not "[persoon] [persoon]"."""
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.tag == span.tag == PERSOON
            and _RE_NAME_GAP.fullmatch(text, last.end, span.start)
        ):
            source = last.source if last.priority >= span.priority else span.source
            joined[-1] = Span(last.start, span.end, PERSOON, source)
        else:
            joined.append(span)
    return joined


def _trim(text: str, span: Span) -> Span | None:
    """Spans without leading/trailing spaces or punctuation (deduce may include them)."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in ",;:("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:)"):
        end -= 1
    if end <= start:
        return None
    return Span(start, end, span.tag, span.source)


def apply_spans(text: str, spans: Sequence[Span]) -> str:
    """``text`` with every span replaced by its tag."""
    parts: list[str] = []
    position = 0
    for span in spans:
        parts.append(text[position : span.start])
        parts.append(f"[{span.tag}]")
        position = span.end
    parts.append(text[position:])
    return "".join(parts)
