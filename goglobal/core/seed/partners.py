"""The UK technology delegation of 3 July 2023 (seed 003): the Northern Powerhouse delegation of
the UK Department for Business and Trade brought 11 companies; the report names the nine below
(the other two are not named, so they are not invented here). Sectors follow what the report
says each does; where it says nothing, none are set."""

# (name, kind, country, city, sectors, description)
ORGANISATIONS = [
    ("Department for Business and Trade", "government", "GB", "London", [], "The UK government department for trade and investment; its Northern Powerhouse programme led the July 2023 technology delegation to Viet Nam."),
    ("Northern Powerhouse technology delegation to Viet Nam (July 2023)", "delegation", "GB", "Manchester", ["ai", "cyber-security", "fintech", "healthtech", "edtech", "ecommerce-logistics"], "Eleven technology companies from the North of England, led by Philomena Chen of the Department for Business and Trade, met the ministry on 3 July 2023."),
    ("Albeego", "company", "GB", "", ["smart-cities", "iot"], "Smart-city solutions."),
    ("North Star Projects", "company", "GB", "", [], "Member of the July 2023 Northern Powerhouse delegation."),
    ("Pagoda Project", "company", "GB", "", [], "Member of the July 2023 Northern Powerhouse delegation."),
    ("Ucargo Pacific Logistics", "company", "GB", "", ["ecommerce-logistics"], "Logistics and e-commerce."),
    ("Expo Stars Interactive", "company", "GB", "", [], "Member of the July 2023 Northern Powerhouse delegation."),
    ("University of Salford – School of Arts, Media and Creative Technology", "university", "GB", "Salford", ["edtech", "digital-content-games"], "Education and training."),
    ("TPP – The Phoenix Partnership", "company", "GB", "Leeds", ["healthtech"], "Health technology."),
    ("Precision21 Limited", "company", "GB", "", ["iot"], "Measurement."),
    ("Wootzano", "company", "GB", "", ["ai"], "Robotics."),
]  # fmt: skip

# The demo's foreign-partner representative works here.
DEMO_PARTNER = "TPP – The Phoenix Partnership"
