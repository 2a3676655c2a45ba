"""Eurostat labels (as the label exports write them) → Eurostat codes, per dimension.

Only labels met in the bundled files, and only codes seen in Eurostat files or in public code
that queries the Eurostat API (see data/eurostat/PROVENANCE.md). A label missing here stays
as the exported label in the normalised rows (a geo label is a problem instead: geo must be a
code). Add a label by adding a line; the readers map columns with ``polars.Expr.replace``.
"""

GEO = {
    "Albania": "AL", "Austria": "AT", "Belgium": "BE", "Bosnia and Herzegovina": "BA",
    "Bulgaria": "BG", "Croatia": "HR", "Cyprus": "CY", "Czechia": "CZ", "Denmark": "DK",
    "Estonia": "EE", "Finland": "FI", "France": "FR", "Germany": "DE",
    "Germany (until 1990 former territory of the FRG)": "DE", "Greece": "EL", "Hungary": "HU",
    "Iceland": "IS", "Ireland": "IE", "Italy": "IT", "Latvia": "LV", "Lithuania": "LT",
    "Luxembourg": "LU", "Malta": "MT", "Montenegro": "ME", "Netherlands": "NL",
    "North Macedonia": "MK", "Norway": "NO", "Poland": "PL", "Portugal": "PT", "Romania": "RO",
    "Serbia": "RS", "Slovakia": "SK", "Slovenia": "SI", "Spain": "ES", "Sweden": "SE",
    "Switzerland": "CH", "Türkiye": "TR", "Turkey": "TR", "United Kingdom": "UK",
    "European Union - 27 countries (from 2020)": "EU27_2020",
    "European Union - 27 countries (2007-2013)": "EU27_2007",
    "European Union - 28 countries (2013-2020)": "EU28",
    "Euro area - 19 countries  (2015-2022)": "EA19",  # two spaces, as Eurostat writes it
    "Euro area – 20 countries (2023-2025)": "EA20",  # en dash, as Eurostat writes it
    "Euro area (EA11-1999, EA12-2001, EA13-2007, EA15-2008, EA16-2009, EA17-2011, EA18-2014, EA19-2015, EA20-2023)": "EA",
}

FREQ = {"Annual": "A"}

UNIT = {
    "Percentage": "PC",
    "Percentage of individuals": "PC_IND",
    "Percentage of individuals who used internet in the last 3 months": "PC_IND_IU3",
}

IND_TYPE = {
    "All individuals": "IND_TOTAL",
    "All Individuals": "IND_TOTAL",
    "Females, 16 to 74 years old": "F_Y16_74",
    "Males, 16 to 74 years old": "M_Y16_74",
}

INDIC_IS = {
    # isoc_sk_dskl_i21 (Digital Skills Indicator 2.0)
    "Individuals with above basic overall digital skills (all five component indicators are at above basic level)": "I_DSK2_AB",
    "Individuals with basic overall digital skills (all five component indicators are at basic or above basic level, without being all above basic)": "I_DSK2_B",
    "Individuals with basic or above basic overall digital skills (all five component indicators are at basic or above basic level)": "I_DSK2_BAB",
    "Individuals with low overall digital skills (four out of five component indicators are at basic or above basic level)": "I_DSK2_LW",
    "Individuals with narrow overall digital skills (three out of five component indicators are at basic or above basic level)": "I_DSK2_N",
    "Individuals with limited overall digital skills (two out of five component indicators are at basic or above basic level)": "I_DSK2_LM",
    "Individuals with no overall digital skills": "I_DSK2_X",
    "Digital skills could not be assessed because the individual has not used the internet in the last 3 months": "I_DSK2_NA",
    "Individuals with above basic information and data literacy skills": "I_DSK2_IL_AB",
    "Individuals with basic information and data literacy skills": "I_DSK2_IL_B",
    "Individuals with basic or above basic information and data literacy skills": "I_DSK2_IL_BAB",
    "Individuals with above basic communication and collaboration skills": "I_DSK2_CC_AB",
    "Individuals with basic communication and collaboration skills": "I_DSK2_CC_B",
    "Individuals with basic or above basic communication and collaboration skills": "I_DSK2_CC_BAB",
    "Individuals with above basic digital content creation skills": "I_DSK2_DCC_AB",
    "Individuals with basic digital content creation skills": "I_DSK2_DCC_B",
    "Individuals with basic or above basic digital content creation skills": "I_DSK2_DCC_BAB",
    "Individuals with above basic safety skills": "I_DSK2_SF_AB",
    "Individuals with basic safety skills": "I_DSK2_SF_B",
    "Individuals with basic or above basic safety skills": "I_DSK2_SF_BAB",
    "Individuals with above basic problem solving skills": "I_DSK2_PS_AB",
    "Individuals with basic problem solving skills": "I_DSK2_PS_B",
    "Individuals with basic or above basic problem solving skills": "I_DSK2_PS_BAB",
    # "Individuals with online information and communication skills": code not confirmed, kept as label
    # isoc_sk_dskl_i (Digital Skills Indicator 1.0); only the code confirmed in public code
    "Individuals who have above basic overall digital skills": "I_DSK_AB",
}

NACE_R2 = {
    "Industry, construction and services (except public administration, defense, compulsory social security)": "B-S_X_O",
    "Industry, construction and services (except activities of households as employers and extra-territorial organisations and bodies)": "B-S",
    "Business economy": "B-N",
    "Mining and quarrying": "B",
    "Manufacturing": "C",
    "Electricity, gas, steam and air conditioning supply": "D",
    "Water supply; sewerage, waste management and remediation activities": "E",
    "Construction": "F",
    "Wholesale and retail trade; repair of motor vehicles and motorcycles": "G",
    "Transportation and storage": "H",
    "Accommodation and food service activities": "I",
    "Information and communication": "J",
    "Financial and insurance activities": "K",
    "Real estate activities": "L",
    "Professional, scientific and technical activities": "M",
    "Administrative and support service activities": "N",
    "Public administration and defence; compulsory social security": "O",
    "Education": "P",
    "Human health and social work activities": "Q",
    "Arts, entertainment and recreation": "R",
    "Other service activities": "S",
}

AGE = {
    "Less than 25 years": "Y_LT25",
    "From 25 to 34 years": "Y25-34",
    "From 35 to 44 years": "Y35-44",
    "From 45 to 54 years": "Y45-54",
    "From 55 to 64 years": "Y55-64",
    "65 years or over": "Y_GE65",
}

BY_DIMENSION = {
    "geo": GEO, "freq": FREQ, "unit": UNIT, "ind_type": IND_TYPE, "indic_is": INDIC_IS,
    "nace_r2": NACE_R2, "age": AGE,
}


def to_codes(frame, columns):
    """``frame`` with each of ``columns`` mapped from labels to codes where the label is known.

    A value that is already a code passes through unchanged, so one path reads both the
    code and the label variants of an export.
    """
    return frame.with_columns(
        frame[name].replace(BY_DIMENSION[name]) for name in columns if name in BY_DIMENSION
    )
