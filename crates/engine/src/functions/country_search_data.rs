//! The country and subdivision names pycountry searches (ISO 3166-1 and 3166-2 from the
//! iso-codes data, as pycountry 24.6.1 ships it), for `iso_country()`'s fuzzy search. Generated:
//! names are lower case, and the forms compared in part also without accents.

/// Countries in pycountry's order: (alpha-2, lookup forms (alpha-3, numeric, name, official
/// name, common name, lower case), name and official name without accents).
pub(crate) const COUNTRIES: &[(&str, [&str; 5], [&str; 2])] = &[
    ("AW", ["abw", "533", "aruba", "", ""], ["aruba", ""]),
    ("AF", ["afg", "004", "afghanistan", "islamic republic of afghanistan", ""], ["afghanistan", "islamic republic of afghanistan"]),
    ("AO", ["ago", "024", "angola", "republic of angola", ""], ["angola", "republic of angola"]),
    ("AI", ["aia", "660", "anguilla", "", ""], ["anguilla", ""]),
    ("AX", ["ala", "248", "åland islands", "", ""], ["aland islands", ""]),
    ("AL", ["alb", "008", "albania", "republic of albania", ""], ["albania", "republic of albania"]),
    ("AD", ["and", "020", "andorra", "principality of andorra", ""], ["andorra", "principality of andorra"]),
    ("AE", ["are", "784", "united arab emirates", "", ""], ["united arab emirates", ""]),
    ("AR", ["arg", "032", "argentina", "argentine republic", ""], ["argentina", "argentine republic"]),
    ("AM", ["arm", "051", "armenia", "republic of armenia", ""], ["armenia", "republic of armenia"]),
    ("AS", ["asm", "016", "american samoa", "", ""], ["american samoa", ""]),
    ("AQ", ["ata", "010", "antarctica", "", ""], ["antarctica", ""]),
    ("TF", ["atf", "260", "french southern territories", "", ""], ["french southern territories", ""]),
    ("AG", ["atg", "028", "antigua and barbuda", "", ""], ["antigua and barbuda", ""]),
    ("AU", ["aus", "036", "australia", "", ""], ["australia", ""]),
    ("AT", ["aut", "040", "austria", "republic of austria", ""], ["austria", "republic of austria"]),
    ("AZ", ["aze", "031", "azerbaijan", "republic of azerbaijan", ""], ["azerbaijan", "republic of azerbaijan"]),
    ("BI", ["bdi", "108", "burundi", "republic of burundi", ""], ["burundi", "republic of burundi"]),
    ("BE", ["bel", "056", "belgium", "kingdom of belgium", ""], ["belgium", "kingdom of belgium"]),
    ("BJ", ["ben", "204", "benin", "republic of benin", ""], ["benin", "republic of benin"]),
    ("BQ", ["bes", "535", "bonaire, sint eustatius and saba", "bonaire, sint eustatius and saba", ""], ["bonaire, sint eustatius and saba", "bonaire, sint eustatius and saba"]),
    ("BF", ["bfa", "854", "burkina faso", "", ""], ["burkina faso", ""]),
    ("BD", ["bgd", "050", "bangladesh", "people's republic of bangladesh", ""], ["bangladesh", "people's republic of bangladesh"]),
    ("BG", ["bgr", "100", "bulgaria", "republic of bulgaria", ""], ["bulgaria", "republic of bulgaria"]),
    ("BH", ["bhr", "048", "bahrain", "kingdom of bahrain", ""], ["bahrain", "kingdom of bahrain"]),
    ("BS", ["bhs", "044", "bahamas", "commonwealth of the bahamas", ""], ["bahamas", "commonwealth of the bahamas"]),
    ("BA", ["bih", "070", "bosnia and herzegovina", "republic of bosnia and herzegovina", ""], ["bosnia and herzegovina", "republic of bosnia and herzegovina"]),
    ("BL", ["blm", "652", "saint barthélemy", "", ""], ["saint barthelemy", ""]),
    ("BY", ["blr", "112", "belarus", "republic of belarus", ""], ["belarus", "republic of belarus"]),
    ("BZ", ["blz", "084", "belize", "", ""], ["belize", ""]),
    ("BM", ["bmu", "060", "bermuda", "", ""], ["bermuda", ""]),
    ("BO", ["bol", "068", "bolivia, plurinational state of", "plurinational state of bolivia", "bolivia"], ["bolivia, plurinational state of", "plurinational state of bolivia"]),
    ("BR", ["bra", "076", "brazil", "federative republic of brazil", ""], ["brazil", "federative republic of brazil"]),
    ("BB", ["brb", "052", "barbados", "", ""], ["barbados", ""]),
    ("BN", ["brn", "096", "brunei darussalam", "", ""], ["brunei darussalam", ""]),
    ("BT", ["btn", "064", "bhutan", "kingdom of bhutan", ""], ["bhutan", "kingdom of bhutan"]),
    ("BV", ["bvt", "074", "bouvet island", "", ""], ["bouvet island", ""]),
    ("BW", ["bwa", "072", "botswana", "republic of botswana", ""], ["botswana", "republic of botswana"]),
    ("CF", ["caf", "140", "central african republic", "", ""], ["central african republic", ""]),
    ("CA", ["can", "124", "canada", "", ""], ["canada", ""]),
    ("CC", ["cck", "166", "cocos (keeling) islands", "", ""], ["cocos (keeling) islands", ""]),
    ("CH", ["che", "756", "switzerland", "swiss confederation", ""], ["switzerland", "swiss confederation"]),
    ("CL", ["chl", "152", "chile", "republic of chile", ""], ["chile", "republic of chile"]),
    ("CN", ["chn", "156", "china", "people's republic of china", ""], ["china", "people's republic of china"]),
    ("CI", ["civ", "384", "côte d'ivoire", "republic of côte d'ivoire", ""], ["cote d'ivoire", "republic of cote d'ivoire"]),
    ("CM", ["cmr", "120", "cameroon", "republic of cameroon", ""], ["cameroon", "republic of cameroon"]),
    ("CD", ["cod", "180", "congo, the democratic republic of the", "", ""], ["congo, the democratic republic of the", ""]),
    ("CG", ["cog", "178", "congo", "republic of the congo", ""], ["congo", "republic of the congo"]),
    ("CK", ["cok", "184", "cook islands", "", ""], ["cook islands", ""]),
    ("CO", ["col", "170", "colombia", "republic of colombia", ""], ["colombia", "republic of colombia"]),
    ("KM", ["com", "174", "comoros", "union of the comoros", ""], ["comoros", "union of the comoros"]),
    ("CV", ["cpv", "132", "cabo verde", "republic of cabo verde", ""], ["cabo verde", "republic of cabo verde"]),
    ("CR", ["cri", "188", "costa rica", "republic of costa rica", ""], ["costa rica", "republic of costa rica"]),
    ("CU", ["cub", "192", "cuba", "republic of cuba", ""], ["cuba", "republic of cuba"]),
    ("CW", ["cuw", "531", "curaçao", "curaçao", ""], ["curacao", "curacao"]),
    ("CX", ["cxr", "162", "christmas island", "", ""], ["christmas island", ""]),
    ("KY", ["cym", "136", "cayman islands", "", ""], ["cayman islands", ""]),
    ("CY", ["cyp", "196", "cyprus", "republic of cyprus", ""], ["cyprus", "republic of cyprus"]),
    ("CZ", ["cze", "203", "czechia", "czech republic", ""], ["czechia", "czech republic"]),
    ("DE", ["deu", "276", "germany", "federal republic of germany", ""], ["germany", "federal republic of germany"]),
    ("DJ", ["dji", "262", "djibouti", "republic of djibouti", ""], ["djibouti", "republic of djibouti"]),
    ("DM", ["dma", "212", "dominica", "commonwealth of dominica", ""], ["dominica", "commonwealth of dominica"]),
    ("DK", ["dnk", "208", "denmark", "kingdom of denmark", ""], ["denmark", "kingdom of denmark"]),
    ("DO", ["dom", "214", "dominican republic", "", ""], ["dominican republic", ""]),
    ("DZ", ["dza", "012", "algeria", "people's democratic republic of algeria", ""], ["algeria", "people's democratic republic of algeria"]),
    ("EC", ["ecu", "218", "ecuador", "republic of ecuador", ""], ["ecuador", "republic of ecuador"]),
    ("EG", ["egy", "818", "egypt", "arab republic of egypt", ""], ["egypt", "arab republic of egypt"]),
    ("ER", ["eri", "232", "eritrea", "the state of eritrea", ""], ["eritrea", "the state of eritrea"]),
    ("EH", ["esh", "732", "western sahara", "", ""], ["western sahara", ""]),
    ("ES", ["esp", "724", "spain", "kingdom of spain", ""], ["spain", "kingdom of spain"]),
    ("EE", ["est", "233", "estonia", "republic of estonia", ""], ["estonia", "republic of estonia"]),
    ("ET", ["eth", "231", "ethiopia", "federal democratic republic of ethiopia", ""], ["ethiopia", "federal democratic republic of ethiopia"]),
    ("FI", ["fin", "246", "finland", "republic of finland", ""], ["finland", "republic of finland"]),
    ("FJ", ["fji", "242", "fiji", "republic of fiji", ""], ["fiji", "republic of fiji"]),
    ("FK", ["flk", "238", "falkland islands (malvinas)", "", ""], ["falkland islands (malvinas)", ""]),
    ("FR", ["fra", "250", "france", "french republic", ""], ["france", "french republic"]),
    ("FO", ["fro", "234", "faroe islands", "", ""], ["faroe islands", ""]),
    ("FM", ["fsm", "583", "micronesia, federated states of", "federated states of micronesia", ""], ["micronesia, federated states of", "federated states of micronesia"]),
    ("GA", ["gab", "266", "gabon", "gabonese republic", ""], ["gabon", "gabonese republic"]),
    ("GB", ["gbr", "826", "united kingdom", "united kingdom of great britain and northern ireland", ""], ["united kingdom", "united kingdom of great britain and northern ireland"]),
    ("GE", ["geo", "268", "georgia", "", ""], ["georgia", ""]),
    ("GG", ["ggy", "831", "guernsey", "", ""], ["guernsey", ""]),
    ("GH", ["gha", "288", "ghana", "republic of ghana", ""], ["ghana", "republic of ghana"]),
    ("GI", ["gib", "292", "gibraltar", "", ""], ["gibraltar", ""]),
    ("GN", ["gin", "324", "guinea", "republic of guinea", ""], ["guinea", "republic of guinea"]),
    ("GP", ["glp", "312", "guadeloupe", "", ""], ["guadeloupe", ""]),
    ("GM", ["gmb", "270", "gambia", "republic of the gambia", ""], ["gambia", "republic of the gambia"]),
    ("GW", ["gnb", "624", "guinea-bissau", "republic of guinea-bissau", ""], ["guinea-bissau", "republic of guinea-bissau"]),
    ("GQ", ["gnq", "226", "equatorial guinea", "republic of equatorial guinea", ""], ["equatorial guinea", "republic of equatorial guinea"]),
    ("GR", ["grc", "300", "greece", "hellenic republic", ""], ["greece", "hellenic republic"]),
    ("GD", ["grd", "308", "grenada", "", ""], ["grenada", ""]),
    ("GL", ["grl", "304", "greenland", "", ""], ["greenland", ""]),
    ("GT", ["gtm", "320", "guatemala", "republic of guatemala", ""], ["guatemala", "republic of guatemala"]),
    ("GF", ["guf", "254", "french guiana", "", ""], ["french guiana", ""]),
    ("GU", ["gum", "316", "guam", "", ""], ["guam", ""]),
    ("GY", ["guy", "328", "guyana", "republic of guyana", ""], ["guyana", "republic of guyana"]),
    ("HK", ["hkg", "344", "hong kong", "hong kong special administrative region of china", ""], ["hong kong", "hong kong special administrative region of china"]),
    ("HM", ["hmd", "334", "heard island and mcdonald islands", "", ""], ["heard island and mcdonald islands", ""]),
    ("HN", ["hnd", "340", "honduras", "republic of honduras", ""], ["honduras", "republic of honduras"]),
    ("HR", ["hrv", "191", "croatia", "republic of croatia", ""], ["croatia", "republic of croatia"]),
    ("HT", ["hti", "332", "haiti", "republic of haiti", ""], ["haiti", "republic of haiti"]),
    ("HU", ["hun", "348", "hungary", "hungary", ""], ["hungary", "hungary"]),
    ("ID", ["idn", "360", "indonesia", "republic of indonesia", ""], ["indonesia", "republic of indonesia"]),
    ("IM", ["imn", "833", "isle of man", "", ""], ["isle of man", ""]),
    ("IN", ["ind", "356", "india", "republic of india", ""], ["india", "republic of india"]),
    ("IO", ["iot", "086", "british indian ocean territory", "", ""], ["british indian ocean territory", ""]),
    ("IE", ["irl", "372", "ireland", "", ""], ["ireland", ""]),
    ("IR", ["irn", "364", "iran, islamic republic of", "islamic republic of iran", "iran"], ["iran, islamic republic of", "islamic republic of iran"]),
    ("IQ", ["irq", "368", "iraq", "republic of iraq", ""], ["iraq", "republic of iraq"]),
    ("IS", ["isl", "352", "iceland", "republic of iceland", ""], ["iceland", "republic of iceland"]),
    ("IL", ["isr", "376", "israel", "state of israel", ""], ["israel", "state of israel"]),
    ("IT", ["ita", "380", "italy", "italian republic", ""], ["italy", "italian republic"]),
    ("JM", ["jam", "388", "jamaica", "", ""], ["jamaica", ""]),
    ("JE", ["jey", "832", "jersey", "", ""], ["jersey", ""]),
    ("JO", ["jor", "400", "jordan", "hashemite kingdom of jordan", ""], ["jordan", "hashemite kingdom of jordan"]),
    ("JP", ["jpn", "392", "japan", "", ""], ["japan", ""]),
    ("KZ", ["kaz", "398", "kazakhstan", "republic of kazakhstan", ""], ["kazakhstan", "republic of kazakhstan"]),
    ("KE", ["ken", "404", "kenya", "republic of kenya", ""], ["kenya", "republic of kenya"]),
    ("KG", ["kgz", "417", "kyrgyzstan", "kyrgyz republic", ""], ["kyrgyzstan", "kyrgyz republic"]),
    ("KH", ["khm", "116", "cambodia", "kingdom of cambodia", ""], ["cambodia", "kingdom of cambodia"]),
    ("KI", ["kir", "296", "kiribati", "republic of kiribati", ""], ["kiribati", "republic of kiribati"]),
    ("KN", ["kna", "659", "saint kitts and nevis", "", ""], ["saint kitts and nevis", ""]),
    ("KR", ["kor", "410", "korea, republic of", "", "south korea"], ["korea, republic of", ""]),
    ("KW", ["kwt", "414", "kuwait", "state of kuwait", ""], ["kuwait", "state of kuwait"]),
    ("LA", ["lao", "418", "lao people's democratic republic", "", "laos"], ["lao people's democratic republic", ""]),
    ("LB", ["lbn", "422", "lebanon", "lebanese republic", ""], ["lebanon", "lebanese republic"]),
    ("LR", ["lbr", "430", "liberia", "republic of liberia", ""], ["liberia", "republic of liberia"]),
    ("LY", ["lby", "434", "libya", "libya", ""], ["libya", "libya"]),
    ("LC", ["lca", "662", "saint lucia", "", ""], ["saint lucia", ""]),
    ("LI", ["lie", "438", "liechtenstein", "principality of liechtenstein", ""], ["liechtenstein", "principality of liechtenstein"]),
    ("LK", ["lka", "144", "sri lanka", "democratic socialist republic of sri lanka", ""], ["sri lanka", "democratic socialist republic of sri lanka"]),
    ("LS", ["lso", "426", "lesotho", "kingdom of lesotho", ""], ["lesotho", "kingdom of lesotho"]),
    ("LT", ["ltu", "440", "lithuania", "republic of lithuania", ""], ["lithuania", "republic of lithuania"]),
    ("LU", ["lux", "442", "luxembourg", "grand duchy of luxembourg", ""], ["luxembourg", "grand duchy of luxembourg"]),
    ("LV", ["lva", "428", "latvia", "republic of latvia", ""], ["latvia", "republic of latvia"]),
    ("MO", ["mac", "446", "macao", "macao special administrative region of china", ""], ["macao", "macao special administrative region of china"]),
    ("MF", ["maf", "663", "saint martin (french part)", "", ""], ["saint martin (french part)", ""]),
    ("MA", ["mar", "504", "morocco", "kingdom of morocco", ""], ["morocco", "kingdom of morocco"]),
    ("MC", ["mco", "492", "monaco", "principality of monaco", ""], ["monaco", "principality of monaco"]),
    ("MD", ["mda", "498", "moldova, republic of", "republic of moldova", "moldova"], ["moldova, republic of", "republic of moldova"]),
    ("MG", ["mdg", "450", "madagascar", "republic of madagascar", ""], ["madagascar", "republic of madagascar"]),
    ("MV", ["mdv", "462", "maldives", "republic of maldives", ""], ["maldives", "republic of maldives"]),
    ("MX", ["mex", "484", "mexico", "united mexican states", ""], ["mexico", "united mexican states"]),
    ("MH", ["mhl", "584", "marshall islands", "republic of the marshall islands", ""], ["marshall islands", "republic of the marshall islands"]),
    ("MK", ["mkd", "807", "north macedonia", "republic of north macedonia", ""], ["north macedonia", "republic of north macedonia"]),
    ("ML", ["mli", "466", "mali", "republic of mali", ""], ["mali", "republic of mali"]),
    ("MT", ["mlt", "470", "malta", "republic of malta", ""], ["malta", "republic of malta"]),
    ("MM", ["mmr", "104", "myanmar", "republic of myanmar", ""], ["myanmar", "republic of myanmar"]),
    ("ME", ["mne", "499", "montenegro", "montenegro", ""], ["montenegro", "montenegro"]),
    ("MN", ["mng", "496", "mongolia", "", ""], ["mongolia", ""]),
    ("MP", ["mnp", "580", "northern mariana islands", "commonwealth of the northern mariana islands", ""], ["northern mariana islands", "commonwealth of the northern mariana islands"]),
    ("MZ", ["moz", "508", "mozambique", "republic of mozambique", ""], ["mozambique", "republic of mozambique"]),
    ("MR", ["mrt", "478", "mauritania", "islamic republic of mauritania", ""], ["mauritania", "islamic republic of mauritania"]),
    ("MS", ["msr", "500", "montserrat", "", ""], ["montserrat", ""]),
    ("MQ", ["mtq", "474", "martinique", "", ""], ["martinique", ""]),
    ("MU", ["mus", "480", "mauritius", "republic of mauritius", ""], ["mauritius", "republic of mauritius"]),
    ("MW", ["mwi", "454", "malawi", "republic of malawi", ""], ["malawi", "republic of malawi"]),
    ("MY", ["mys", "458", "malaysia", "", ""], ["malaysia", ""]),
    ("YT", ["myt", "175", "mayotte", "", ""], ["mayotte", ""]),
    ("NA", ["nam", "516", "namibia", "republic of namibia", ""], ["namibia", "republic of namibia"]),
    ("NC", ["ncl", "540", "new caledonia", "", ""], ["new caledonia", ""]),
    ("NE", ["ner", "562", "niger", "republic of the niger", ""], ["niger", "republic of the niger"]),
    ("NF", ["nfk", "574", "norfolk island", "", ""], ["norfolk island", ""]),
    ("NG", ["nga", "566", "nigeria", "federal republic of nigeria", ""], ["nigeria", "federal republic of nigeria"]),
    ("NI", ["nic", "558", "nicaragua", "republic of nicaragua", ""], ["nicaragua", "republic of nicaragua"]),
    ("NU", ["niu", "570", "niue", "niue", ""], ["niue", "niue"]),
    ("NL", ["nld", "528", "netherlands", "kingdom of the netherlands", ""], ["netherlands", "kingdom of the netherlands"]),
    ("NO", ["nor", "578", "norway", "kingdom of norway", ""], ["norway", "kingdom of norway"]),
    ("NP", ["npl", "524", "nepal", "federal democratic republic of nepal", ""], ["nepal", "federal democratic republic of nepal"]),
    ("NR", ["nru", "520", "nauru", "republic of nauru", ""], ["nauru", "republic of nauru"]),
    ("NZ", ["nzl", "554", "new zealand", "", ""], ["new zealand", ""]),
    ("OM", ["omn", "512", "oman", "sultanate of oman", ""], ["oman", "sultanate of oman"]),
    ("PK", ["pak", "586", "pakistan", "islamic republic of pakistan", ""], ["pakistan", "islamic republic of pakistan"]),
    ("PA", ["pan", "591", "panama", "republic of panama", ""], ["panama", "republic of panama"]),
    ("PN", ["pcn", "612", "pitcairn", "", ""], ["pitcairn", ""]),
    ("PE", ["per", "604", "peru", "republic of peru", ""], ["peru", "republic of peru"]),
    ("PH", ["phl", "608", "philippines", "republic of the philippines", ""], ["philippines", "republic of the philippines"]),
    ("PW", ["plw", "585", "palau", "republic of palau", ""], ["palau", "republic of palau"]),
    ("PG", ["png", "598", "papua new guinea", "independent state of papua new guinea", ""], ["papua new guinea", "independent state of papua new guinea"]),
    ("PL", ["pol", "616", "poland", "republic of poland", ""], ["poland", "republic of poland"]),
    ("PR", ["pri", "630", "puerto rico", "", ""], ["puerto rico", ""]),
    ("KP", ["prk", "408", "korea, democratic people's republic of", "democratic people's republic of korea", "north korea"], ["korea, democratic people's republic of", "democratic people's republic of korea"]),
    ("PT", ["prt", "620", "portugal", "portuguese republic", ""], ["portugal", "portuguese republic"]),
    ("PY", ["pry", "600", "paraguay", "republic of paraguay", ""], ["paraguay", "republic of paraguay"]),
    ("PS", ["pse", "275", "palestine, state of", "the state of palestine", ""], ["palestine, state of", "the state of palestine"]),
    ("PF", ["pyf", "258", "french polynesia", "", ""], ["french polynesia", ""]),
    ("QA", ["qat", "634", "qatar", "state of qatar", ""], ["qatar", "state of qatar"]),
    ("RE", ["reu", "638", "réunion", "", ""], ["reunion", ""]),
    ("RO", ["rou", "642", "romania", "", ""], ["romania", ""]),
    ("RU", ["rus", "643", "russian federation", "", ""], ["russian federation", ""]),
    ("RW", ["rwa", "646", "rwanda", "rwandese republic", ""], ["rwanda", "rwandese republic"]),
    ("SA", ["sau", "682", "saudi arabia", "kingdom of saudi arabia", ""], ["saudi arabia", "kingdom of saudi arabia"]),
    ("SD", ["sdn", "729", "sudan", "republic of the sudan", ""], ["sudan", "republic of the sudan"]),
    ("SN", ["sen", "686", "senegal", "republic of senegal", ""], ["senegal", "republic of senegal"]),
    ("SG", ["sgp", "702", "singapore", "republic of singapore", ""], ["singapore", "republic of singapore"]),
    ("GS", ["sgs", "239", "south georgia and the south sandwich islands", "", ""], ["south georgia and the south sandwich islands", ""]),
    ("SH", ["shn", "654", "saint helena, ascension and tristan da cunha", "", ""], ["saint helena, ascension and tristan da cunha", ""]),
    ("SJ", ["sjm", "744", "svalbard and jan mayen", "", ""], ["svalbard and jan mayen", ""]),
    ("SB", ["slb", "090", "solomon islands", "", ""], ["solomon islands", ""]),
    ("SL", ["sle", "694", "sierra leone", "republic of sierra leone", ""], ["sierra leone", "republic of sierra leone"]),
    ("SV", ["slv", "222", "el salvador", "republic of el salvador", ""], ["el salvador", "republic of el salvador"]),
    ("SM", ["smr", "674", "san marino", "republic of san marino", ""], ["san marino", "republic of san marino"]),
    ("SO", ["som", "706", "somalia", "federal republic of somalia", ""], ["somalia", "federal republic of somalia"]),
    ("PM", ["spm", "666", "saint pierre and miquelon", "", ""], ["saint pierre and miquelon", ""]),
    ("RS", ["srb", "688", "serbia", "republic of serbia", ""], ["serbia", "republic of serbia"]),
    ("SS", ["ssd", "728", "south sudan", "republic of south sudan", ""], ["south sudan", "republic of south sudan"]),
    ("ST", ["stp", "678", "sao tome and principe", "democratic republic of sao tome and principe", ""], ["sao tome and principe", "democratic republic of sao tome and principe"]),
    ("SR", ["sur", "740", "suriname", "republic of suriname", ""], ["suriname", "republic of suriname"]),
    ("SK", ["svk", "703", "slovakia", "slovak republic", ""], ["slovakia", "slovak republic"]),
    ("SI", ["svn", "705", "slovenia", "republic of slovenia", ""], ["slovenia", "republic of slovenia"]),
    ("SE", ["swe", "752", "sweden", "kingdom of sweden", ""], ["sweden", "kingdom of sweden"]),
    ("SZ", ["swz", "748", "eswatini", "kingdom of eswatini", ""], ["eswatini", "kingdom of eswatini"]),
    ("SX", ["sxm", "534", "sint maarten (dutch part)", "sint maarten (dutch part)", ""], ["sint maarten (dutch part)", "sint maarten (dutch part)"]),
    ("SC", ["syc", "690", "seychelles", "republic of seychelles", ""], ["seychelles", "republic of seychelles"]),
    ("SY", ["syr", "760", "syrian arab republic", "", "syria"], ["syrian arab republic", ""]),
    ("TC", ["tca", "796", "turks and caicos islands", "", ""], ["turks and caicos islands", ""]),
    ("TD", ["tcd", "148", "chad", "republic of chad", ""], ["chad", "republic of chad"]),
    ("TG", ["tgo", "768", "togo", "togolese republic", ""], ["togo", "togolese republic"]),
    ("TH", ["tha", "764", "thailand", "kingdom of thailand", ""], ["thailand", "kingdom of thailand"]),
    ("TJ", ["tjk", "762", "tajikistan", "republic of tajikistan", ""], ["tajikistan", "republic of tajikistan"]),
    ("TK", ["tkl", "772", "tokelau", "", ""], ["tokelau", ""]),
    ("TM", ["tkm", "795", "turkmenistan", "", ""], ["turkmenistan", ""]),
    ("TL", ["tls", "626", "timor-leste", "democratic republic of timor-leste", ""], ["timor-leste", "democratic republic of timor-leste"]),
    ("TO", ["ton", "776", "tonga", "kingdom of tonga", ""], ["tonga", "kingdom of tonga"]),
    ("TT", ["tto", "780", "trinidad and tobago", "republic of trinidad and tobago", ""], ["trinidad and tobago", "republic of trinidad and tobago"]),
    ("TN", ["tun", "788", "tunisia", "republic of tunisia", ""], ["tunisia", "republic of tunisia"]),
    ("TR", ["tur", "792", "türkiye", "republic of türkiye", ""], ["turkiye", "republic of turkiye"]),
    ("TV", ["tuv", "798", "tuvalu", "", ""], ["tuvalu", ""]),
    ("TW", ["twn", "158", "taiwan, province of china", "taiwan, province of china", "taiwan"], ["taiwan, province of china", "taiwan, province of china"]),
    ("TZ", ["tza", "834", "tanzania, united republic of", "united republic of tanzania", "tanzania"], ["tanzania, united republic of", "united republic of tanzania"]),
    ("UG", ["uga", "800", "uganda", "republic of uganda", ""], ["uganda", "republic of uganda"]),
    ("UA", ["ukr", "804", "ukraine", "", ""], ["ukraine", ""]),
    ("UM", ["umi", "581", "united states minor outlying islands", "", ""], ["united states minor outlying islands", ""]),
    ("UY", ["ury", "858", "uruguay", "eastern republic of uruguay", ""], ["uruguay", "eastern republic of uruguay"]),
    ("US", ["usa", "840", "united states", "united states of america", ""], ["united states", "united states of america"]),
    ("UZ", ["uzb", "860", "uzbekistan", "republic of uzbekistan", ""], ["uzbekistan", "republic of uzbekistan"]),
    ("VA", ["vat", "336", "holy see (vatican city state)", "", ""], ["holy see (vatican city state)", ""]),
    ("VC", ["vct", "670", "saint vincent and the grenadines", "", ""], ["saint vincent and the grenadines", ""]),
    ("VE", ["ven", "862", "venezuela, bolivarian republic of", "bolivarian republic of venezuela", "venezuela"], ["venezuela, bolivarian republic of", "bolivarian republic of venezuela"]),
    ("VG", ["vgb", "092", "virgin islands, british", "british virgin islands", ""], ["virgin islands, british", "british virgin islands"]),
    ("VI", ["vir", "850", "virgin islands, u.s.", "virgin islands of the united states", ""], ["virgin islands, u.s.", "virgin islands of the united states"]),
    ("VN", ["vnm", "704", "viet nam", "socialist republic of viet nam", "vietnam"], ["viet nam", "socialist republic of viet nam"]),
    ("VU", ["vut", "548", "vanuatu", "republic of vanuatu", ""], ["vanuatu", "republic of vanuatu"]),
    ("WF", ["wlf", "876", "wallis and futuna", "", ""], ["wallis and futuna", ""]),
    ("WS", ["wsm", "882", "samoa", "independent state of samoa", ""], ["samoa", "independent state of samoa"]),
    ("YE", ["yem", "887", "yemen", "republic of yemen", ""], ["yemen", "republic of yemen"]),
    ("ZA", ["zaf", "710", "south africa", "republic of south africa", ""], ["south africa", "republic of south africa"]),
    ("ZM", ["zmb", "894", "zambia", "republic of zambia", ""], ["zambia", "republic of zambia"]),
    ("ZW", ["zwe", "716", "zimbabwe", "republic of zimbabwe", ""], ["zimbabwe", "republic of zimbabwe"]),
];

/// Subdivisions, one a line: code, name, type and parent (lower case, without accents),
/// separated by tabs; the country is the code before its `-`.
pub(crate) const SUBDIVISIONS: &str = "\
ad-02\tcanillo\tparish\t\n\
ad-03\tencamp\tparish\t\n\
ad-04\tla massana\tparish\t\n\
ad-05\tordino\tparish\t\n\
ad-06\tsant julia de loria\tparish\t\n\
ad-07\tandorra la vella\tparish\t\n\
ad-08\tescaldes-engordany\tparish\t\n\
ae-aj\t‘ajman\temirate\t\n\
ae-az\tabu zaby\temirate\t\n\
ae-du\tdubayy\temirate\t\n\
ae-fu\tal fujayrah\temirate\t\n\
ae-rk\tra’s al khaymah\temirate\t\n\
ae-sh\tash shariqah\temirate\t\n\
ae-uq\tumm al qaywayn\temirate\t\n\
af-bal\tbalkh\tprovince\t\n\
af-bam\tbamyan\tprovince\t\n\
af-bdg\tbadghis\tprovince\t\n\
af-bds\tbadakhshan\tprovince\t\n\
af-bgl\tbaghlan\tprovince\t\n\
af-day\tdaykundi\tprovince\t\n\
af-fra\tfarah\tprovince\t\n\
af-fyb\tfaryab\tprovince\t\n\
af-gha\tghazni\tprovince\t\n\
af-gho\tghor\tprovince\t\n\
af-hel\thelmand\tprovince\t\n\
af-her\therat\tprovince\t\n\
af-jow\tjowzjan\tprovince\t\n\
af-kab\tkabul\tprovince\t\n\
af-kan\tkandahar\tprovince\t\n\
af-kap\tkapisa\tprovince\t\n\
af-kdz\tkunduz\tprovince\t\n\
af-kho\tkhost\tprovince\t\n\
af-knr\tkunar\tprovince\t\n\
af-lag\tlaghman\tprovince\t\n\
af-log\tlogar\tprovince\t\n\
af-nan\tnangarhar\tprovince\t\n\
af-nim\tnimroz\tprovince\t\n\
af-nur\tnuristan\tprovince\t\n\
af-pan\tpanjshayr\tprovince\t\n\
af-par\tparwan\tprovince\t\n\
af-pia\tpaktiya\tprovince\t\n\
af-pka\tpaktika\tprovince\t\n\
af-sam\tsamangan\tprovince\t\n\
af-sar\tsar-e pul\tprovince\t\n\
af-tak\ttakhar\tprovince\t\n\
af-uru\turuzgan\tprovince\t\n\
af-war\twardak\tprovince\t\n\
af-zab\tzabul\tprovince\t\n\
ag-03\tsaint george\tparish\t\n\
ag-04\tsaint john\tparish\t\n\
ag-05\tsaint mary\tparish\t\n\
ag-06\tsaint paul\tparish\t\n\
ag-07\tsaint peter\tparish\t\n\
ag-08\tsaint philip\tparish\t\n\
ag-10\tbarbuda\tdependency\t\n\
ag-11\tredonda\tdependency\t\n\
al-01\tberat\tcounty\t\n\
al-02\tdurres\tcounty\t\n\
al-03\telbasan\tcounty\t\n\
al-04\tfier\tcounty\t\n\
al-05\tgjirokaster\tcounty\t\n\
al-06\tkorce\tcounty\t\n\
al-07\tkukes\tcounty\t\n\
al-08\tlezhe\tcounty\t\n\
al-09\tdiber\tcounty\t\n\
al-10\tshkoder\tcounty\t\n\
al-11\ttirane\tcounty\t\n\
al-12\tvlore\tcounty\t\n\
am-ag\taragacotn\tregion\t\n\
am-ar\tararat\tregion\t\n\
am-av\tarmavir\tregion\t\n\
am-er\terevan\tcity\t\n\
am-gr\tgegark'unik'\tregion\t\n\
am-kt\tkotayk'\tregion\t\n\
am-lo\tlori\tregion\t\n\
am-sh\tsirak\tregion\t\n\
am-su\tsyunik'\tregion\t\n\
am-tv\ttavus\tregion\t\n\
am-vd\tvayoc jor\tregion\t\n\
ao-bgo\tbengo\tprovince\t\n\
ao-bgu\tbenguela\tprovince\t\n\
ao-bie\tbie\tprovince\t\n\
ao-cab\tcabinda\tprovince\t\n\
ao-ccu\tcuando cubango\tprovince\t\n\
ao-cnn\tcunene\tprovince\t\n\
ao-cno\tcuanza-norte\tprovince\t\n\
ao-cus\tcuanza-sul\tprovince\t\n\
ao-hua\thuambo\tprovince\t\n\
ao-hui\thuila\tprovince\t\n\
ao-lno\tlunda-norte\tprovince\t\n\
ao-lsu\tlunda-sul\tprovince\t\n\
ao-lua\tluanda\tprovince\t\n\
ao-mal\tmalange\tprovince\t\n\
ao-mox\tmoxico\tprovince\t\n\
ao-nam\tnamibe\tprovince\t\n\
ao-uig\tuige\tprovince\t\n\
ao-zai\tzaire\tprovince\t\n\
ar-a\tsalta\tprovince\t\n\
ar-b\tbuenos aires\tprovince\t\n\
ar-c\tciudad autonoma de buenos aires\tcity\t\n\
ar-d\tsan luis\tprovince\t\n\
ar-e\tentre rios\tprovince\t\n\
ar-f\tla rioja\tprovince\t\n\
ar-g\tsantiago del estero\tprovince\t\n\
ar-h\tchaco\tprovince\t\n\
ar-j\tsan juan\tprovince\t\n\
ar-k\tcatamarca\tprovince\t\n\
ar-l\tla pampa\tprovince\t\n\
ar-m\tmendoza\tprovince\t\n\
ar-n\tmisiones\tprovince\t\n\
ar-p\tformosa\tprovince\t\n\
ar-q\tneuquen\tprovince\t\n\
ar-r\trio negro\tprovince\t\n\
ar-s\tsanta fe\tprovince\t\n\
ar-t\ttucuman\tprovince\t\n\
ar-u\tchubut\tprovince\t\n\
ar-v\ttierra del fuego\tprovince\t\n\
ar-w\tcorrientes\tprovince\t\n\
ar-x\tcordoba\tprovince\t\n\
ar-y\tjujuy\tprovince\t\n\
ar-z\tsanta cruz\tprovince\t\n\
at-1\tburgenland\tstate\t\n\
at-2\tkarnten\tstate\t\n\
at-3\tniederosterreich\tstate\t\n\
at-4\toberosterreich\tstate\t\n\
at-5\tsalzburg\tstate\t\n\
at-6\tsteiermark\tstate\t\n\
at-7\ttirol\tstate\t\n\
at-8\tvorarlberg\tstate\t\n\
at-9\twien\tstate\t\n\
au-act\taustralian capital territory\tterritory\t\n\
au-nsw\tnew south wales\tstate\t\n\
au-nt\tnorthern territory\tterritory\t\n\
au-qld\tqueensland\tstate\t\n\
au-sa\tsouth australia\tstate\t\n\
au-tas\ttasmania\tstate\t\n\
au-vic\tvictoria\tstate\t\n\
au-wa\twestern australia\tstate\t\n\
az-abs\tabseron\trayon\t\n\
az-aga\tagstafa\trayon\t\n\
az-agc\tagcabədi\trayon\t\n\
az-agm\tagdam\trayon\t\n\
az-ags\tagdas\trayon\t\n\
az-agu\tagsu\trayon\t\n\
az-ast\tastara\trayon\t\n\
az-ba\tbakı\tmunicipality\t\n\
az-bab\tbabək\trayon\taz-nx\n\
az-bal\tbalakən\trayon\t\n\
az-bar\tbərdə\trayon\t\n\
az-bey\tbeyləqan\trayon\t\n\
az-bil\tbiləsuvar\trayon\t\n\
az-cab\tcəbrayıl\trayon\t\n\
az-cal\tcəlilabad\trayon\t\n\
az-cul\tculfa\trayon\taz-nx\n\
az-das\tdaskəsən\trayon\t\n\
az-fuz\tfuzuli\trayon\t\n\
az-ga\tgəncə\tmunicipality\t\n\
az-gad\tgədəbəy\trayon\t\n\
az-gor\tgoranboy\trayon\t\n\
az-goy\tgoycay\trayon\t\n\
az-gyg\tgoygol\trayon\t\n\
az-hac\thacıqabul\trayon\t\n\
az-imi\timisli\trayon\t\n\
az-ism\tismayıllı\trayon\t\n\
az-kal\tkəlbəcər\trayon\t\n\
az-kan\tkǝngǝrli\trayon\taz-nx\n\
az-kur\tkurdəmir\trayon\t\n\
az-la\tlənkəran\tmunicipality\t\n\
az-lac\tlacın\trayon\t\n\
az-lan\tlənkəran\trayon\t\n\
az-ler\tlerik\trayon\t\n\
az-mas\tmasallı\trayon\t\n\
az-mi\tmingəcevir\tmunicipality\t\n\
az-na\tnaftalan\tmunicipality\t\n\
az-nef\tneftcala\trayon\t\n\
az-nv\tnaxcıvan\tmunicipality\taz-nx\n\
az-nx\tnaxcıvan\tautonomous republic\t\n\
az-ogu\toguz\trayon\t\n\
az-ord\tordubad\trayon\taz-nx\n\
az-qab\tqəbələ\trayon\t\n\
az-qax\tqax\trayon\t\n\
az-qaz\tqazax\trayon\t\n\
az-qba\tquba\trayon\t\n\
az-qbi\tqubadlı\trayon\t\n\
az-qob\tqobustan\trayon\t\n\
az-qus\tqusar\trayon\t\n\
az-sa\tsəki\tmunicipality\t\n\
az-sab\tsabirabad\trayon\t\n\
az-sad\tsədərək\trayon\taz-nx\n\
az-sah\tsahbuz\trayon\taz-nx\n\
az-sak\tsəki\trayon\t\n\
az-sal\tsalyan\trayon\t\n\
az-sar\tsərur\trayon\taz-nx\n\
az-sat\tsaatlı\trayon\t\n\
az-sbn\tsabran\trayon\t\n\
az-siy\tsiyəzən\trayon\t\n\
az-skr\tsəmkir\trayon\t\n\
az-sm\tsumqayıt\tmunicipality\t\n\
az-smi\tsamaxı\trayon\t\n\
az-smx\tsamux\trayon\t\n\
az-sr\tsirvan\tmunicipality\t\n\
az-sus\tsusa\trayon\t\n\
az-tar\ttərtər\trayon\t\n\
az-tov\ttovuz\trayon\t\n\
az-uca\tucar\trayon\t\n\
az-xa\txankəndi\tmunicipality\t\n\
az-xac\txacmaz\trayon\t\n\
az-xci\txocalı\trayon\t\n\
az-xiz\txızı\trayon\t\n\
az-xvd\txocavənd\trayon\t\n\
az-yar\tyardımlı\trayon\t\n\
az-ye\tyevlax\tmunicipality\t\n\
az-yev\tyevlax\trayon\t\n\
az-zan\tzəngilan\trayon\t\n\
az-zaq\tzaqatala\trayon\t\n\
az-zar\tzərdab\trayon\t\n\
ba-bih\tfederacija bosne i hercegovine\tentity\t\n\
ba-brc\tbrcko distrikt\tdistrict with special status\t\n\
ba-srp\trepublika srpska\tentity\t\n\
bb-01\tchrist church\tparish\t\n\
bb-02\tsaint andrew\tparish\t\n\
bb-03\tsaint george\tparish\t\n\
bb-04\tsaint james\tparish\t\n\
bb-05\tsaint john\tparish\t\n\
bb-06\tsaint joseph\tparish\t\n\
bb-07\tsaint lucy\tparish\t\n\
bb-08\tsaint michael\tparish\t\n\
bb-09\tsaint peter\tparish\t\n\
bb-10\tsaint philip\tparish\t\n\
bb-11\tsaint thomas\tparish\t\n\
bd-01\tbandarban\tdistrict\tbd-b\n\
bd-02\tbarguna\tdistrict\tbd-a\n\
bd-03\tbogura\tdistrict\tbd-e\n\
bd-04\tbrahmanbaria\tdistrict\tbd-b\n\
bd-05\tbagerhat\tdistrict\tbd-d\n\
bd-06\tbarishal\tdistrict\tbd-a\n\
bd-07\tbhola\tdistrict\tbd-a\n\
bd-08\tcumilla\tdistrict\tbd-b\n\
bd-09\tchandpur\tdistrict\tbd-b\n\
bd-10\tchattogram\tdistrict\tbd-b\n\
bd-11\tcox's bazar\tdistrict\tbd-b\n\
bd-12\tchuadanga\tdistrict\tbd-d\n\
bd-13\tdhaka\tdistrict\tbd-c\n\
bd-14\tdinajpur\tdistrict\tbd-f\n\
bd-15\tfaridpur\tdistrict\tbd-c\n\
bd-16\tfeni\tdistrict\tbd-b\n\
bd-17\tgopalganj\tdistrict\tbd-c\n\
bd-18\tgazipur\tdistrict\tbd-c\n\
bd-19\tgaibandha\tdistrict\tbd-f\n\
bd-20\thabiganj\tdistrict\tbd-g\n\
bd-21\tjamalpur\tdistrict\tbd-h\n\
bd-22\tjashore\tdistrict\tbd-d\n\
bd-23\tjhenaidah\tdistrict\tbd-d\n\
bd-24\tjoypurhat\tdistrict\tbd-e\n\
bd-25\tjhalakathi\tdistrict\tbd-a\n\
bd-26\tkishoreganj\tdistrict\tbd-c\n\
bd-27\tkhulna\tdistrict\tbd-d\n\
bd-28\tkurigram\tdistrict\tbd-f\n\
bd-29\tkhagrachhari\tdistrict\tbd-b\n\
bd-30\tkushtia\tdistrict\tbd-d\n\
bd-31\tlakshmipur\tdistrict\tbd-b\n\
bd-32\tlalmonirhat\tdistrict\tbd-f\n\
bd-33\tmanikganj\tdistrict\tbd-c\n\
bd-34\tmymensingh\tdistrict\tbd-h\n\
bd-35\tmunshiganj\tdistrict\tbd-c\n\
bd-36\tmadaripur\tdistrict\tbd-c\n\
bd-37\tmagura\tdistrict\tbd-d\n\
bd-38\tmoulvibazar\tdistrict\tbd-g\n\
bd-39\tmeherpur\tdistrict\tbd-d\n\
bd-40\tnarayanganj\tdistrict\tbd-c\n\
bd-41\tnetrakona\tdistrict\tbd-h\n\
bd-42\tnarsingdi\tdistrict\tbd-c\n\
bd-43\tnarail\tdistrict\tbd-d\n\
bd-44\tnatore\tdistrict\tbd-e\n\
bd-45\tchapai nawabganj\tdistrict\tbd-e\n\
bd-46\tnilphamari\tdistrict\tbd-f\n\
bd-47\tnoakhali\tdistrict\tbd-b\n\
bd-48\tnaogaon\tdistrict\tbd-e\n\
bd-49\tpabna\tdistrict\tbd-e\n\
bd-50\tpirojpur\tdistrict\tbd-a\n\
bd-51\tpatuakhali\tdistrict\tbd-a\n\
bd-52\tpanchagarh\tdistrict\tbd-f\n\
bd-53\trajbari\tdistrict\tbd-c\n\
bd-54\trajshahi\tdistrict\tbd-e\n\
bd-55\trangpur\tdistrict\tbd-f\n\
bd-56\trangamati\tdistrict\tbd-b\n\
bd-57\tsherpur\tdistrict\tbd-h\n\
bd-58\tsatkhira\tdistrict\tbd-d\n\
bd-59\tsirajganj\tdistrict\tbd-e\n\
bd-60\tsylhet\tdistrict\tbd-g\n\
bd-61\tsunamganj\tdistrict\tbd-g\n\
bd-62\tshariatpur\tdistrict\tbd-c\n\
bd-63\ttangail\tdistrict\tbd-c\n\
bd-64\tthakurgaon\tdistrict\tbd-f\n\
bd-a\tbarishal\tdivision\t\n\
bd-b\tchattogram\tdivision\t\n\
bd-c\tdhaka\tdivision\t\n\
bd-d\tkhulna\tdivision\t\n\
bd-e\trajshahi\tdivision\t\n\
bd-f\trangpur\tdivision\t\n\
bd-g\tsylhet\tdivision\t\n\
bd-h\tmymensingh\tdivision\t\n\
be-bru\tbruxelles-capitale, region de\tregion\t\n\
be-van\tantwerpen\tprovince\tbe-vlg\n\
be-vbr\tvlaams-brabant\tprovince\tbe-vlg\n\
be-vlg\tvlaams gewest\tregion\t\n\
be-vli\tlimburg\tprovince\tbe-vlg\n\
be-vov\toost-vlaanderen\tprovince\tbe-vlg\n\
be-vwv\twest-vlaanderen\tprovince\tbe-vlg\n\
be-wal\twallonne, region\tregion\t\n\
be-wbr\tbrabant wallon\tprovince\tbe-wal\n\
be-wht\thainaut\tprovince\tbe-wal\n\
be-wlg\tliege\tprovince\tbe-wal\n\
be-wlx\tluxembourg\tprovince\tbe-wal\n\
be-wna\tnamur\tprovince\tbe-wal\n\
bf-01\tboucle du mouhoun\tregion\t\n\
bf-02\tcascades\tregion\t\n\
bf-03\tcentre\tregion\t\n\
bf-04\tcentre-est\tregion\t\n\
bf-05\tcentre-nord\tregion\t\n\
bf-06\tcentre-ouest\tregion\t\n\
bf-07\tcentre-sud\tregion\t\n\
bf-08\test\tregion\t\n\
bf-09\thauts-bassins\tregion\t\n\
bf-10\tnord\tregion\t\n\
bf-11\tplateau-central\tregion\t\n\
bf-12\tsahel\tregion\t\n\
bf-13\tsud-ouest\tregion\t\n\
bf-bal\tbale\tprovince\tbf-01\n\
bf-bam\tbam\tprovince\tbf-05\n\
bf-ban\tbanwa\tprovince\tbf-01\n\
bf-baz\tbazega\tprovince\tbf-07\n\
bf-bgr\tbougouriba\tprovince\tbf-13\n\
bf-blg\tboulgou\tprovince\tbf-04\n\
bf-blk\tboulkiemde\tprovince\tbf-06\n\
bf-com\tcomoe\tprovince\tbf-02\n\
bf-gan\tganzourgou\tprovince\tbf-11\n\
bf-gna\tgnagna\tprovince\tbf-08\n\
bf-gou\tgourma\tprovince\tbf-08\n\
bf-hou\thouet\tprovince\tbf-09\n\
bf-iob\tioba\tprovince\tbf-13\n\
bf-kad\tkadiogo\tprovince\tbf-03\n\
bf-ken\tkenedougou\tprovince\tbf-09\n\
bf-kmd\tkomondjari\tprovince\tbf-08\n\
bf-kmp\tkompienga\tprovince\tbf-08\n\
bf-kop\tkoulpelogo\tprovince\tbf-04\n\
bf-kos\tkossi\tprovince\tbf-01\n\
bf-kot\tkouritenga\tprovince\tbf-04\n\
bf-kow\tkourweogo\tprovince\tbf-11\n\
bf-ler\tleraba\tprovince\tbf-02\n\
bf-lor\tloroum\tprovince\tbf-10\n\
bf-mou\tmouhoun\tprovince\tbf-01\n\
bf-nam\tnamentenga\tprovince\tbf-05\n\
bf-nao\tnahouri\tprovince\tbf-07\n\
bf-nay\tnayala\tprovince\tbf-01\n\
bf-nou\tnoumbiel\tprovince\tbf-13\n\
bf-oub\toubritenga\tprovince\tbf-11\n\
bf-oud\toudalan\tprovince\tbf-12\n\
bf-pas\tpassore\tprovince\tbf-10\n\
bf-pon\tponi\tprovince\tbf-13\n\
bf-sen\tseno\tprovince\tbf-12\n\
bf-sis\tsissili\tprovince\tbf-06\n\
bf-smt\tsanmatenga\tprovince\tbf-05\n\
bf-sng\tsanguie\tprovince\tbf-06\n\
bf-som\tsoum\tprovince\tbf-12\n\
bf-sor\tsourou\tprovince\tbf-01\n\
bf-tap\ttapoa\tprovince\tbf-08\n\
bf-tui\ttuy\tprovince\tbf-09\n\
bf-yag\tyagha\tprovince\tbf-12\n\
bf-yat\tyatenga\tprovince\tbf-10\n\
bf-zir\tziro\tprovince\tbf-06\n\
bf-zon\tzondoma\tprovince\tbf-10\n\
bf-zou\tzoundweogo\tprovince\tbf-07\n\
bg-01\tblagoevgrad\tdistrict\t\n\
bg-02\tburgas\tdistrict\t\n\
bg-03\tvarna\tdistrict\t\n\
bg-04\tveliko tarnovo\tdistrict\t\n\
bg-05\tvidin\tdistrict\t\n\
bg-06\tvratsa\tdistrict\t\n\
bg-07\tgabrovo\tdistrict\t\n\
bg-08\tdobrich\tdistrict\t\n\
bg-09\tkardzhali\tdistrict\t\n\
bg-10\tkyustendil\tdistrict\t\n\
bg-11\tlovech\tdistrict\t\n\
bg-12\tmontana\tdistrict\t\n\
bg-13\tpazardzhik\tdistrict\t\n\
bg-14\tpernik\tdistrict\t\n\
bg-15\tpleven\tdistrict\t\n\
bg-16\tplovdiv\tdistrict\t\n\
bg-17\trazgrad\tdistrict\t\n\
bg-18\truse\tdistrict\t\n\
bg-19\tsilistra\tdistrict\t\n\
bg-20\tsliven\tdistrict\t\n\
bg-21\tsmolyan\tdistrict\t\n\
bg-22\tsofia (stolitsa)\tdistrict\t\n\
bg-23\tsofia\tdistrict\t\n\
bg-24\tstara zagora\tdistrict\t\n\
bg-25\ttargovishte\tdistrict\t\n\
bg-26\thaskovo\tdistrict\t\n\
bg-27\tshumen\tdistrict\t\n\
bg-28\tyambol\tdistrict\t\n\
bh-13\tal ‘asimah\tgovernorate\t\n\
bh-14\tal janubiyah\tgovernorate\t\n\
bh-15\tal muharraq\tgovernorate\t\n\
bh-17\tash shamaliyah\tgovernorate\t\n\
bi-bb\tbubanza\tprovince\t\n\
bi-bl\tbujumbura rural\tprovince\t\n\
bi-bm\tbujumbura mairie\tprovince\t\n\
bi-br\tbururi\tprovince\t\n\
bi-ca\tcankuzo\tprovince\t\n\
bi-ci\tcibitoke\tprovince\t\n\
bi-gi\tgitega\tprovince\t\n\
bi-ki\tkirundo\tprovince\t\n\
bi-kr\tkaruzi\tprovince\t\n\
bi-ky\tkayanza\tprovince\t\n\
bi-ma\tmakamba\tprovince\t\n\
bi-mu\tmuramvya\tprovince\t\n\
bi-mw\tmwaro\tprovince\t\n\
bi-my\tmuyinga\tprovince\t\n\
bi-ng\tngozi\tprovince\t\n\
bi-rm\trumonge\tprovince\t\n\
bi-rt\trutana\tprovince\t\n\
bi-ry\truyigi\tprovince\t\n\
bj-ak\tatacora\tdepartment\t\n\
bj-al\talibori\tdepartment\t\n\
bj-aq\tatlantique\tdepartment\t\n\
bj-bo\tborgou\tdepartment\t\n\
bj-co\tcollines\tdepartment\t\n\
bj-do\tdonga\tdepartment\t\n\
bj-ko\tcouffo\tdepartment\t\n\
bj-li\tlittoral\tdepartment\t\n\
bj-mo\tmono\tdepartment\t\n\
bj-ou\toueme\tdepartment\t\n\
bj-pl\tplateau\tdepartment\t\n\
bj-zo\tzou\tdepartment\t\n\
bn-be\tbelait\tdistrict\t\n\
bn-bm\tbrunei-muara\tdistrict\t\n\
bn-te\ttemburong\tdistrict\t\n\
bn-tu\ttutong\tdistrict\t\n\
bo-b\tel beni\tdepartment\t\n\
bo-c\tcochabamba\tdepartment\t\n\
bo-h\tchuquisaca\tdepartment\t\n\
bo-l\tla paz\tdepartment\t\n\
bo-n\tpando\tdepartment\t\n\
bo-o\toruro\tdepartment\t\n\
bo-p\tpotosi\tdepartment\t\n\
bo-s\tsanta cruz\tdepartment\t\n\
bo-t\ttarija\tdepartment\t\n\
bq-bo\tbonaire\tspecial municipality\t\n\
bq-sa\tsaba\tspecial municipality\t\n\
bq-se\tsint eustatius\tspecial municipality\t\n\
br-ac\tacre\tstate\t\n\
br-al\talagoas\tstate\t\n\
br-am\tamazonas\tstate\t\n\
br-ap\tamapa\tstate\t\n\
br-ba\tbahia\tstate\t\n\
br-ce\tceara\tstate\t\n\
br-df\tdistrito federal\tfederal district\t\n\
br-es\tespirito santo\tstate\t\n\
br-go\tgoias\tstate\t\n\
br-ma\tmaranhao\tstate\t\n\
br-mg\tminas gerais\tstate\t\n\
br-ms\tmato grosso do sul\tstate\t\n\
br-mt\tmato grosso\tstate\t\n\
br-pa\tpara\tstate\t\n\
br-pb\tparaiba\tstate\t\n\
br-pe\tpernambuco\tstate\t\n\
br-pi\tpiaui\tstate\t\n\
br-pr\tparana\tstate\t\n\
br-rj\trio de janeiro\tstate\t\n\
br-rn\trio grande do norte\tstate\t\n\
br-ro\trondonia\tstate\t\n\
br-rr\troraima\tstate\t\n\
br-rs\trio grande do sul\tstate\t\n\
br-sc\tsanta catarina\tstate\t\n\
br-se\tsergipe\tstate\t\n\
br-sp\tsao paulo\tstate\t\n\
br-to\ttocantins\tstate\t\n\
bs-ak\tacklins\tdistrict\t\n\
bs-bi\tbimini\tdistrict\t\n\
bs-bp\tblack point\tdistrict\t\n\
bs-by\tberry islands\tdistrict\t\n\
bs-ce\tcentral eleuthera\tdistrict\t\n\
bs-ci\tcat island\tdistrict\t\n\
bs-ck\tcrooked island and long cay\tdistrict\t\n\
bs-co\tcentral abaco\tdistrict\t\n\
bs-cs\tcentral andros\tdistrict\t\n\
bs-eg\teast grand bahama\tdistrict\t\n\
bs-ex\texuma\tdistrict\t\n\
bs-fp\tcity of freeport\tdistrict\t\n\
bs-gc\tgrand cay\tdistrict\t\n\
bs-hi\tharbour island\tdistrict\t\n\
bs-ht\thope town\tdistrict\t\n\
bs-in\tinagua\tdistrict\t\n\
bs-li\tlong island\tdistrict\t\n\
bs-mc\tmangrove cay\tdistrict\t\n\
bs-mg\tmayaguana\tdistrict\t\n\
bs-mi\tmoore's island\tdistrict\t\n\
bs-ne\tnorth eleuthera\tdistrict\t\n\
bs-no\tnorth abaco\tdistrict\t\n\
bs-np\tnew providence\tisland\t\n\
bs-ns\tnorth andros\tdistrict\t\n\
bs-rc\trum cay\tdistrict\t\n\
bs-ri\tragged island\tdistrict\t\n\
bs-sa\tsouth andros\tdistrict\t\n\
bs-se\tsouth eleuthera\tdistrict\t\n\
bs-so\tsouth abaco\tdistrict\t\n\
bs-ss\tsan salvador\tdistrict\t\n\
bs-sw\tspanish wells\tdistrict\t\n\
bs-wg\twest grand bahama\tdistrict\t\n\
bt-11\tparo\tdistrict\t\n\
bt-12\tchhukha\tdistrict\t\n\
bt-13\thaa\tdistrict\t\n\
bt-14\tsamtse\tdistrict\t\n\
bt-15\tthimphu\tdistrict\t\n\
bt-21\ttsirang\tdistrict\t\n\
bt-22\tdagana\tdistrict\t\n\
bt-23\tpunakha\tdistrict\t\n\
bt-24\twangdue phodrang\tdistrict\t\n\
bt-31\tsarpang\tdistrict\t\n\
bt-32\ttrongsa\tdistrict\t\n\
bt-33\tbumthang\tdistrict\t\n\
bt-34\tzhemgang\tdistrict\t\n\
bt-41\ttrashigang\tdistrict\t\n\
bt-42\tmonggar\tdistrict\t\n\
bt-43\tpema gatshel\tdistrict\t\n\
bt-44\tlhuentse\tdistrict\t\n\
bt-45\tsamdrup jongkhar\tdistrict\t\n\
bt-ga\tgasa\tdistrict\t\n\
bt-ty\ttrashi yangtse\tdistrict\t\n\
bw-ce\tcentral\tdistrict\t\n\
bw-ch\tchobe\tdistrict\t\n\
bw-fr\tfrancistown\tcity\t\n\
bw-ga\tgaborone\tcity\t\n\
bw-gh\tghanzi\tdistrict\t\n\
bw-jw\tjwaneng\ttown\t\n\
bw-kg\tkgalagadi\tdistrict\t\n\
bw-kl\tkgatleng\tdistrict\t\n\
bw-kw\tkweneng\tdistrict\t\n\
bw-lo\tlobatse\ttown\t\n\
bw-ne\tnorth east\tdistrict\t\n\
bw-nw\tnorth west\tdistrict\t\n\
bw-se\tsouth east\tdistrict\t\n\
bw-so\tsouthern\tdistrict\t\n\
bw-sp\tselibe phikwe\ttown\t\n\
bw-st\tsowa town\ttown\t\n\
by-br\tbresckaja voblasc\toblast\t\n\
by-hm\tgorod minsk\tcity\t\n\
by-ho\tgomel'skaja oblast'\toblast\t\n\
by-hr\tgrodnenskaja oblast'\toblast\t\n\
by-ma\tmahiliouskaja voblasc\toblast\t\n\
by-mi\tminskaja oblast'\toblast\t\n\
by-vi\tviciebskaja voblasc\toblast\t\n\
bz-bz\tbelize\tdistrict\t\n\
bz-cy\tcayo\tdistrict\t\n\
bz-czl\tcorozal\tdistrict\t\n\
bz-ow\torange walk\tdistrict\t\n\
bz-sc\tstann creek\tdistrict\t\n\
bz-tol\ttoledo\tdistrict\t\n\
ca-ab\talberta\tprovince\t\n\
ca-bc\tbritish columbia\tprovince\t\n\
ca-mb\tmanitoba\tprovince\t\n\
ca-nb\tnew brunswick\tprovince\t\n\
ca-nl\tnewfoundland and labrador\tprovince\t\n\
ca-ns\tnova scotia\tprovince\t\n\
ca-nt\tnorthwest territories\tterritory\t\n\
ca-nu\tnunavut\tterritory\t\n\
ca-on\tontario\tprovince\t\n\
ca-pe\tprince edward island\tprovince\t\n\
ca-qc\tquebec\tprovince\t\n\
ca-sk\tsaskatchewan\tprovince\t\n\
ca-yt\tyukon\tterritory\t\n\
cd-bc\tkongo central\tprovince\t\n\
cd-bu\tbas-uele\tprovince\t\n\
cd-eq\tequateur\tprovince\t\n\
cd-hk\thaut-katanga\tprovince\t\n\
cd-hl\thaut-lomami\tprovince\t\n\
cd-hu\thaut-uele\tprovince\t\n\
cd-it\tituri\tprovince\t\n\
cd-kc\tkasai central\tprovince\t\n\
cd-ke\tkasai oriental\tprovince\t\n\
cd-kg\tkwango\tprovince\t\n\
cd-kl\tkwilu\tprovince\t\n\
cd-kn\tkinshasa\tcity\t\n\
cd-ks\tkasai\tprovince\t\n\
cd-lo\tlomami\tprovince\t\n\
cd-lu\tlualaba\tprovince\t\n\
cd-ma\tmaniema\tprovince\t\n\
cd-mn\tmai-ndombe\tprovince\t\n\
cd-mo\tmongala\tprovince\t\n\
cd-nk\tnord-kivu\tprovince\t\n\
cd-nu\tnord-ubangi\tprovince\t\n\
cd-sa\tsankuru\tprovince\t\n\
cd-sk\tsud-kivu\tprovince\t\n\
cd-su\tsud-ubangi\tprovince\t\n\
cd-ta\ttanganyika\tprovince\t\n\
cd-to\ttshopo\tprovince\t\n\
cd-tu\ttshuapa\tprovince\t\n\
cf-ac\touham\tprefecture\t\n\
cf-bb\tbamingui-bangoran\tprefecture\t\n\
cf-bgf\tbangui\tcommune\t\n\
cf-bk\tbasse-kotto\tprefecture\t\n\
cf-hk\thaute-kotto\tprefecture\t\n\
cf-hm\thaut-mbomou\tprefecture\t\n\
cf-hs\thaute-sangha / mambere-kadei\tprefecture\t\n\
cf-kb\tgribingui\teconomic prefecture\t\n\
cf-kg\tkemo-gribingui\tprefecture\t\n\
cf-lb\tlobaye\tprefecture\t\n\
cf-mb\tmbomou\tprefecture\t\n\
cf-mp\tombella-mpoko\tprefecture\t\n\
cf-nm\tnana-mambere\tprefecture\t\n\
cf-op\touham-pende\tprefecture\t\n\
cf-se\tsangha\teconomic prefecture\t\n\
cf-uk\touaka\tprefecture\t\n\
cf-vk\tvakaga\tprefecture\t\n\
cg-11\tbouenza\tdepartment\t\n\
cg-12\tpool\tdepartment\t\n\
cg-13\tsangha\tdepartment\t\n\
cg-14\tplateaux\tdepartment\t\n\
cg-15\tcuvette-ouest\tdepartment\t\n\
cg-16\tpointe-noire\tdepartment\t\n\
cg-2\tlekoumou\tdepartment\t\n\
cg-5\tkouilou\tdepartment\t\n\
cg-7\tlikouala\tdepartment\t\n\
cg-8\tcuvette\tdepartment\t\n\
cg-9\tniari\tdepartment\t\n\
cg-bzv\tbrazzaville\tdepartment\t\n\
ch-ag\taargau\tcanton\t\n\
ch-ai\tappenzell innerrhoden\tcanton\t\n\
ch-ar\tappenzell ausserrhoden\tcanton\t\n\
ch-be\tberne\tcanton\t\n\
ch-bl\tbasel-landschaft\tcanton\t\n\
ch-bs\tbasel-stadt\tcanton\t\n\
ch-fr\tfribourg\tcanton\t\n\
ch-ge\tgeneve\tcanton\t\n\
ch-gl\tglarus\tcanton\t\n\
ch-gr\tgraubunden\tcanton\t\n\
ch-ju\tjura\tcanton\t\n\
ch-lu\tluzern\tcanton\t\n\
ch-ne\tneuchatel\tcanton\t\n\
ch-nw\tnidwalden\tcanton\t\n\
ch-ow\tobwalden\tcanton\t\n\
ch-sg\tsankt gallen\tcanton\t\n\
ch-sh\tschaffhausen\tcanton\t\n\
ch-so\tsolothurn\tcanton\t\n\
ch-sz\tschwyz\tcanton\t\n\
ch-tg\tthurgau\tcanton\t\n\
ch-ti\tticino\tcanton\t\n\
ch-ur\turi\tcanton\t\n\
ch-vd\tvaud\tcanton\t\n\
ch-vs\tvalais\tcanton\t\n\
ch-zg\tzug\tcanton\t\n\
ch-zh\tzurich\tcanton\t\n\
ci-ab\tabidjan\tautonomous district\t\n\
ci-bs\tbas-sassandra\tdistrict\t\n\
ci-cm\tcomoe\tdistrict\t\n\
ci-dn\tdenguele\tdistrict\t\n\
ci-gd\tgoh-djiboua\tdistrict\t\n\
ci-lc\tlacs\tdistrict\t\n\
ci-lg\tlagunes\tdistrict\t\n\
ci-mg\tmontagnes\tdistrict\t\n\
ci-sm\tsassandra-marahoue\tdistrict\t\n\
ci-sv\tsavanes\tdistrict\t\n\
ci-vb\tvallee du bandama\tdistrict\t\n\
ci-wr\tworoba\tdistrict\t\n\
ci-ym\tyamoussoukro\tautonomous district\t\n\
ci-zz\tzanzan\tdistrict\t\n\
cl-ai\taisen del general carlos ibanez del campo\tregion\t\n\
cl-an\tantofagasta\tregion\t\n\
cl-ap\tarica y parinacota\tregion\t\n\
cl-ar\tla araucania\tregion\t\n\
cl-at\tatacama\tregion\t\n\
cl-bi\tbiobio\tregion\t\n\
cl-co\tcoquimbo\tregion\t\n\
cl-li\tlibertador general bernardo o'higgins\tregion\t\n\
cl-ll\tlos lagos\tregion\t\n\
cl-lr\tlos rios\tregion\t\n\
cl-ma\tmagallanes\tregion\t\n\
cl-ml\tmaule\tregion\t\n\
cl-nb\tnuble\tregion\t\n\
cl-rm\tregion metropolitana de santiago\tregion\t\n\
cl-ta\ttarapaca\tregion\t\n\
cl-vs\tvalparaiso\tregion\t\n\
cm-ad\tadamaoua\tregion\t\n\
cm-ce\tcentre\tregion\t\n\
cm-en\tfar north\tregion\t\n\
cm-es\teast\tregion\t\n\
cm-lt\tlittoral\tregion\t\n\
cm-no\tnorth\tregion\t\n\
cm-nw\tnorth-west\tregion\t\n\
cm-ou\twest\tregion\t\n\
cm-su\tsouth\tregion\t\n\
cm-sw\tsouth-west\tregion\t\n\
cn-ah\tanhui sheng\tprovince\t\n\
cn-bj\tbeijing shi\tmunicipality\t\n\
cn-cq\tchongqing shi\tmunicipality\t\n\
cn-fj\tfujian sheng\tprovince\t\n\
cn-gd\tguangdong sheng\tprovince\t\n\
cn-gs\tgansu sheng\tprovince\t\n\
cn-gx\tguangxi zhuangzu zizhiqu\tautonomous region\t\n\
cn-gz\tguizhou sheng\tprovince\t\n\
cn-ha\thenan sheng\tprovince\t\n\
cn-hb\thubei sheng\tprovince\t\n\
cn-he\thebei sheng\tprovince\t\n\
cn-hi\thainan sheng\tprovince\t\n\
cn-hk\thong kong sar\tspecial administrative region\t\n\
cn-hl\theilongjiang sheng\tprovince\t\n\
cn-hn\thunan sheng\tprovince\t\n\
cn-jl\tjilin sheng\tprovince\t\n\
cn-js\tjiangsu sheng\tprovince\t\n\
cn-jx\tjiangxi sheng\tprovince\t\n\
cn-ln\tliaoning sheng\tprovince\t\n\
cn-mo\tmacao sar\tspecial administrative region\t\n\
cn-nm\tnei mongol zizhiqu\tautonomous region\t\n\
cn-nx\tningxia huizu zizhiqu\tautonomous region\t\n\
cn-qh\tqinghai sheng\tprovince\t\n\
cn-sc\tsichuan sheng\tprovince\t\n\
cn-sd\tshandong sheng\tprovince\t\n\
cn-sh\tshanghai shi\tmunicipality\t\n\
cn-sn\tshaanxi sheng\tprovince\t\n\
cn-sx\tshanxi sheng\tprovince\t\n\
cn-tj\ttianjin shi\tmunicipality\t\n\
cn-tw\ttaiwan sheng\tprovince\t\n\
cn-xj\txinjiang uygur zizhiqu\tautonomous region\t\n\
cn-xz\txizang zizhiqu\tautonomous region\t\n\
cn-yn\tyunnan sheng\tprovince\t\n\
cn-zj\tzhejiang sheng\tprovince\t\n\
co-ama\tamazonas\tdepartment\t\n\
co-ant\tantioquia\tdepartment\t\n\
co-ara\tarauca\tdepartment\t\n\
co-atl\tatlantico\tdepartment\t\n\
co-bol\tbolivar\tdepartment\t\n\
co-boy\tboyaca\tdepartment\t\n\
co-cal\tcaldas\tdepartment\t\n\
co-caq\tcaqueta\tdepartment\t\n\
co-cas\tcasanare\tdepartment\t\n\
co-cau\tcauca\tdepartment\t\n\
co-ces\tcesar\tdepartment\t\n\
co-cho\tchoco\tdepartment\t\n\
co-cor\tcordoba\tdepartment\t\n\
co-cun\tcundinamarca\tdepartment\t\n\
co-dc\tdistrito capital de bogota\tcapital district\t\n\
co-gua\tguainia\tdepartment\t\n\
co-guv\tguaviare\tdepartment\t\n\
co-hui\thuila\tdepartment\t\n\
co-lag\tla guajira\tdepartment\t\n\
co-mag\tmagdalena\tdepartment\t\n\
co-met\tmeta\tdepartment\t\n\
co-nar\tnarino\tdepartment\t\n\
co-nsa\tnorte de santander\tdepartment\t\n\
co-put\tputumayo\tdepartment\t\n\
co-qui\tquindio\tdepartment\t\n\
co-ris\trisaralda\tdepartment\t\n\
co-san\tsantander\tdepartment\t\n\
co-sap\tsan andres, providencia y santa catalina\tdepartment\t\n\
co-suc\tsucre\tdepartment\t\n\
co-tol\ttolima\tdepartment\t\n\
co-vac\tvalle del cauca\tdepartment\t\n\
co-vau\tvaupes\tdepartment\t\n\
co-vid\tvichada\tdepartment\t\n\
cr-a\talajuela\tprovince\t\n\
cr-c\tcartago\tprovince\t\n\
cr-g\tguanacaste\tprovince\t\n\
cr-h\theredia\tprovince\t\n\
cr-l\tlimon\tprovince\t\n\
cr-p\tpuntarenas\tprovince\t\n\
cr-sj\tsan jose\tprovince\t\n\
cu-01\tpinar del rio\tprovince\t\n\
cu-03\tla habana\tprovince\t\n\
cu-04\tmatanzas\tprovince\t\n\
cu-05\tvilla clara\tprovince\t\n\
cu-06\tcienfuegos\tprovince\t\n\
cu-07\tsancti spiritus\tprovince\t\n\
cu-08\tciego de avila\tprovince\t\n\
cu-09\tcamaguey\tprovince\t\n\
cu-10\tlas tunas\tprovince\t\n\
cu-11\tholguin\tprovince\t\n\
cu-12\tgranma\tprovince\t\n\
cu-13\tsantiago de cuba\tprovince\t\n\
cu-14\tguantanamo\tprovince\t\n\
cu-15\tartemisa\tprovince\t\n\
cu-16\tmayabeque\tprovince\t\n\
cu-99\tisla de la juventud\tspecial municipality\t\n\
cv-b\tilhas de barlavento\tgeographical region\t\n\
cv-br\tbrava\tmunicipality\tcv-s\n\
cv-bv\tboa vista\tmunicipality\tcv-b\n\
cv-ca\tsanta catarina\tmunicipality\tcv-s\n\
cv-cf\tsanta catarina do fogo\tmunicipality\tcv-s\n\
cv-cr\tsanta cruz\tmunicipality\tcv-s\n\
cv-ma\tmaio\tmunicipality\tcv-s\n\
cv-mo\tmosteiros\tmunicipality\tcv-s\n\
cv-pa\tpaul\tmunicipality\tcv-b\n\
cv-pn\tporto novo\tmunicipality\tcv-b\n\
cv-pr\tpraia\tmunicipality\tcv-s\n\
cv-rb\tribeira brava\tmunicipality\tcv-b\n\
cv-rg\tribeira grande\tmunicipality\tcv-b\n\
cv-rs\tribeira grande de santiago\tmunicipality\tcv-s\n\
cv-s\tilhas de sotavento\tgeographical region\t\n\
cv-sd\tsao domingos\tmunicipality\tcv-s\n\
cv-sf\tsao filipe\tmunicipality\tcv-s\n\
cv-sl\tsal\tmunicipality\tcv-b\n\
cv-sm\tsao miguel\tmunicipality\tcv-s\n\
cv-so\tsao lourenco dos orgaos\tmunicipality\tcv-s\n\
cv-ss\tsao salvador do mundo\tmunicipality\tcv-s\n\
cv-sv\tsao vicente\tmunicipality\tcv-b\n\
cv-ta\ttarrafal\tmunicipality\tcv-s\n\
cv-ts\ttarrafal de sao nicolau\tmunicipality\tcv-b\n\
cy-01\tlefkosia\tdistrict\t\n\
cy-02\tlemesos\tdistrict\t\n\
cy-03\tlarnaka\tdistrict\t\n\
cy-04\tammochostos\tdistrict\t\n\
cy-05\tbaf\tdistrict\t\n\
cy-06\tgirne\tdistrict\t\n\
cz-10\tpraha, hlavni mesto\tcapital city\t\n\
cz-20\tstredocesky kraj\tregion\t\n\
cz-201\tbenesov\tdistrict\tcz-20\n\
cz-202\tberoun\tdistrict\tcz-20\n\
cz-203\tkladno\tdistrict\tcz-20\n\
cz-204\tkolin\tdistrict\tcz-20\n\
cz-205\tkutna hora\tdistrict\tcz-20\n\
cz-206\tmelnik\tdistrict\tcz-20\n\
cz-207\tmlada boleslav\tdistrict\tcz-20\n\
cz-208\tnymburk\tdistrict\tcz-20\n\
cz-209\tpraha-vychod\tdistrict\tcz-20\n\
cz-20a\tpraha-zapad\tdistrict\tcz-20\n\
cz-20b\tpribram\tdistrict\tcz-20\n\
cz-20c\trakovnik\tdistrict\tcz-20\n\
cz-31\tjihocesky kraj\tregion\t\n\
cz-311\tceske budejovice\tdistrict\tcz-31\n\
cz-312\tcesky krumlov\tdistrict\tcz-31\n\
cz-313\tjindrichuv hradec\tdistrict\tcz-31\n\
cz-314\tpisek\tdistrict\tcz-31\n\
cz-315\tprachatice\tdistrict\tcz-31\n\
cz-316\tstrakonice\tdistrict\tcz-31\n\
cz-317\ttabor\tdistrict\tcz-31\n\
cz-32\tplzensky kraj\tregion\t\n\
cz-321\tdomazlice\tdistrict\tcz-32\n\
cz-322\tklatovy\tdistrict\tcz-32\n\
cz-323\tplzen-mesto\tdistrict\tcz-32\n\
cz-324\tplzen-jih\tdistrict\tcz-32\n\
cz-325\tplzen-sever\tdistrict\tcz-32\n\
cz-326\trokycany\tdistrict\tcz-32\n\
cz-327\ttachov\tdistrict\tcz-32\n\
cz-41\tkarlovarsky kraj\tregion\t\n\
cz-411\tcheb\tdistrict\tcz-41\n\
cz-412\tkarlovy vary\tdistrict\tcz-41\n\
cz-413\tsokolov\tdistrict\tcz-41\n\
cz-42\tustecky kraj\tregion\t\n\
cz-421\tdecin\tdistrict\tcz-42\n\
cz-422\tchomutov\tdistrict\tcz-42\n\
cz-423\tlitomerice\tdistrict\tcz-42\n\
cz-424\tlouny\tdistrict\tcz-42\n\
cz-425\tmost\tdistrict\tcz-42\n\
cz-426\tteplice\tdistrict\tcz-42\n\
cz-427\tusti nad labem\tdistrict\tcz-42\n\
cz-51\tliberecky kraj\tregion\t\n\
cz-511\tceska lipa\tdistrict\tcz-51\n\
cz-512\tjablonec nad nisou\tdistrict\tcz-51\n\
cz-513\tliberec\tdistrict\tcz-51\n\
cz-514\tsemily\tdistrict\tcz-51\n\
cz-52\tkralovehradecky kraj\tregion\t\n\
cz-521\thradec kralove\tdistrict\tcz-52\n\
cz-522\tjicin\tdistrict\tcz-52\n\
cz-523\tnachod\tdistrict\tcz-52\n\
cz-524\trychnov nad kneznou\tdistrict\tcz-52\n\
cz-525\ttrutnov\tdistrict\tcz-52\n\
cz-53\tpardubicky kraj\tregion\t\n\
cz-531\tchrudim\tdistrict\tcz-53\n\
cz-532\tpardubice\tdistrict\tcz-53\n\
cz-533\tsvitavy\tdistrict\tcz-53\n\
cz-534\tusti nad orlici\tdistrict\tcz-53\n\
cz-63\tkraj vysocina\tregion\t\n\
cz-631\thavlickuv brod\tdistrict\tcz-63\n\
cz-632\tjihlava\tdistrict\tcz-63\n\
cz-633\tpelhrimov\tdistrict\tcz-63\n\
cz-634\ttrebic\tdistrict\tcz-63\n\
cz-635\tzdar nad sazavou\tdistrict\tcz-63\n\
cz-64\tjihomoravsky kraj\tregion\t\n\
cz-641\tblansko\tdistrict\tcz-64\n\
cz-642\tbrno-mesto\tdistrict\tcz-64\n\
cz-643\tbrno-venkov\tdistrict\tcz-64\n\
cz-644\tbreclav\tdistrict\tcz-64\n\
cz-645\thodonin\tdistrict\tcz-64\n\
cz-646\tvyskov\tdistrict\tcz-64\n\
cz-647\tznojmo\tdistrict\tcz-64\n\
cz-71\tolomoucky kraj\tregion\t\n\
cz-711\tjesenik\tdistrict\tcz-71\n\
cz-712\tolomouc\tdistrict\tcz-71\n\
cz-713\tprostejov\tdistrict\tcz-71\n\
cz-714\tprerov\tdistrict\tcz-71\n\
cz-715\tsumperk\tdistrict\tcz-71\n\
cz-72\tzlinsky kraj\tregion\t\n\
cz-721\tkromeriz\tdistrict\tcz-72\n\
cz-722\tuherske hradiste\tdistrict\tcz-72\n\
cz-723\tvsetin\tdistrict\tcz-72\n\
cz-724\tzlin\tdistrict\tcz-72\n\
cz-80\tmoravskoslezsky kraj\tregion\t\n\
cz-801\tbruntal\tdistrict\tcz-80\n\
cz-802\tfrydek-mistek\tdistrict\tcz-80\n\
cz-803\tkarvina\tdistrict\tcz-80\n\
cz-804\tnovy jicin\tdistrict\tcz-80\n\
cz-805\topava\tdistrict\tcz-80\n\
cz-806\tostrava-mesto\tdistrict\tcz-80\n\
de-bb\tbrandenburg\tland\t\n\
de-be\tberlin\tland\t\n\
de-bw\tbaden-wurttemberg\tland\t\n\
de-by\tbayern\tland\t\n\
de-hb\tbremen\tland\t\n\
de-he\thessen\tland\t\n\
de-hh\thamburg\tland\t\n\
de-mv\tmecklenburg-vorpommern\tland\t\n\
de-ni\tniedersachsen\tland\t\n\
de-nw\tnordrhein-westfalen\tland\t\n\
de-rp\trheinland-pfalz\tland\t\n\
de-sh\tschleswig-holstein\tland\t\n\
de-sl\tsaarland\tland\t\n\
de-sn\tsachsen\tland\t\n\
de-st\tsachsen-anhalt\tland\t\n\
de-th\tthuringen\tland\t\n\
dj-ar\tarta\tregion\t\n\
dj-as\tali sabieh\tregion\t\n\
dj-di\tdikhil\tregion\t\n\
dj-dj\tdjibouti\tcity\t\n\
dj-ob\tobock\tregion\t\n\
dj-ta\ttadjourah\tregion\t\n\
dk-81\tnordjylland\tregion\t\n\
dk-82\tmidtjylland\tregion\t\n\
dk-83\tsyddanmark\tregion\t\n\
dk-84\thovedstaden\tregion\t\n\
dk-85\tsjælland\tregion\t\n\
dm-02\tsaint andrew\tparish\t\n\
dm-03\tsaint david\tparish\t\n\
dm-04\tsaint george\tparish\t\n\
dm-05\tsaint john\tparish\t\n\
dm-06\tsaint joseph\tparish\t\n\
dm-07\tsaint luke\tparish\t\n\
dm-08\tsaint mark\tparish\t\n\
dm-09\tsaint patrick\tparish\t\n\
dm-10\tsaint paul\tparish\t\n\
dm-11\tsaint peter\tparish\t\n\
do-01\tdistrito nacional (santo domingo)\tdistrict\tdo-40\n\
do-02\tazua\tprovince\tdo-41\n\
do-03\tbaoruco\tprovince\tdo-38\n\
do-04\tbarahona\tprovince\tdo-38\n\
do-05\tdajabon\tprovince\tdo-34\n\
do-06\tduarte\tprovince\tdo-33\n\
do-07\telias pina\tprovince\tdo-37\n\
do-08\tel seibo\tprovince\tdo-42\n\
do-09\tespaillat\tprovince\tdo-35\n\
do-10\tindependencia\tprovince\tdo-38\n\
do-11\tla altagracia\tprovince\tdo-42\n\
do-12\tla romana\tprovince\tdo-42\n\
do-13\tla vega\tprovince\tdo-36\n\
do-14\tmaria trinidad sanchez\tprovince\tdo-33\n\
do-15\tmonte cristi\tprovince\tdo-34\n\
do-16\tpedernales\tprovince\tdo-38\n\
do-17\tperavia\tprovince\tdo-41\n\
do-18\tpuerto plata\tprovince\tdo-35\n\
do-19\thermanas mirabal\tprovince\tdo-33\n\
do-20\tsamana\tprovince\tdo-33\n\
do-21\tsan cristobal\tprovince\tdo-41\n\
do-22\tsan juan\tprovince\tdo-37\n\
do-23\tsan pedro de macoris\tprovince\tdo-39\n\
do-24\tsanchez ramirez\tprovince\tdo-36\n\
do-25\tsantiago\tprovince\tdo-35\n\
do-26\tsantiago rodriguez\tprovince\tdo-34\n\
do-27\tvalverde\tprovince\tdo-34\n\
do-28\tmonsenor nouel\tprovince\tdo-36\n\
do-29\tmonte plata\tprovince\tdo-39\n\
do-30\thato mayor\tprovince\tdo-39\n\
do-31\tsan jose de ocoa\tprovince\tdo-41\n\
do-32\tsanto domingo\tprovince\tdo-40\n\
do-33\tcibao nordeste\tregion\t\n\
do-34\tcibao noroeste\tregion\t\n\
do-35\tcibao norte\tregion\t\n\
do-36\tcibao sur\tregion\t\n\
do-37\tel valle\tregion\t\n\
do-38\tenriquillo\tregion\t\n\
do-39\thiguamo\tregion\t\n\
do-40\tozama\tregion\t\n\
do-41\tvaldesia\tregion\t\n\
do-42\tyuma\tregion\t\n\
dz-01\tadrar\tprovince\t\n\
dz-02\tchlef\tprovince\t\n\
dz-03\tlaghouat\tprovince\t\n\
dz-04\toum el bouaghi\tprovince\t\n\
dz-05\tbatna\tprovince\t\n\
dz-06\tbejaia\tprovince\t\n\
dz-07\tbiskra\tprovince\t\n\
dz-08\tbechar\tprovince\t\n\
dz-09\tblida\tprovince\t\n\
dz-10\tbouira\tprovince\t\n\
dz-11\ttamanrasset\tprovince\t\n\
dz-12\ttebessa\tprovince\t\n\
dz-13\ttlemcen\tprovince\t\n\
dz-14\ttiaret\tprovince\t\n\
dz-15\ttizi ouzou\tprovince\t\n\
dz-16\talger\tprovince\t\n\
dz-17\tdjelfa\tprovince\t\n\
dz-18\tjijel\tprovince\t\n\
dz-19\tsetif\tprovince\t\n\
dz-20\tsaida\tprovince\t\n\
dz-21\tskikda\tprovince\t\n\
dz-22\tsidi bel abbes\tprovince\t\n\
dz-23\tannaba\tprovince\t\n\
dz-24\tguelma\tprovince\t\n\
dz-25\tconstantine\tprovince\t\n\
dz-26\tmedea\tprovince\t\n\
dz-27\tmostaganem\tprovince\t\n\
dz-28\tm'sila\tprovince\t\n\
dz-29\tmascara\tprovince\t\n\
dz-30\touargla\tprovince\t\n\
dz-31\toran\tprovince\t\n\
dz-32\tel bayadh\tprovince\t\n\
dz-33\tillizi\tprovince\t\n\
dz-34\tbordj bou arreridj\tprovince\t\n\
dz-35\tboumerdes\tprovince\t\n\
dz-36\tel tarf\tprovince\t\n\
dz-37\ttindouf\tprovince\t\n\
dz-38\ttissemsilt\tprovince\t\n\
dz-39\tel oued\tprovince\t\n\
dz-40\tkhenchela\tprovince\t\n\
dz-41\tsouk ahras\tprovince\t\n\
dz-42\ttipaza\tprovince\t\n\
dz-43\tmila\tprovince\t\n\
dz-44\tain defla\tprovince\t\n\
dz-45\tnaama\tprovince\t\n\
dz-46\tain temouchent\tprovince\t\n\
dz-47\tghardaia\tprovince\t\n\
dz-48\trelizane\tprovince\t\n\
dz-49\ttimimoun\tprovince\t\n\
dz-50\tbordj badji mokhtar\tprovince\t\n\
dz-51\touled djellal\tprovince\t\n\
dz-52\tbeni abbes\tprovince\t\n\
dz-53\tin salah\tprovince\t\n\
dz-54\tin guezzam\tprovince\t\n\
dz-55\ttouggourt\tprovince\t\n\
dz-56\tdjanet\tprovince\t\n\
dz-57\tel meghaier\tprovince\t\n\
dz-58\tel meniaa\tprovince\t\n\
ec-a\tazuay\tprovince\t\n\
ec-b\tbolivar\tprovince\t\n\
ec-c\tcarchi\tprovince\t\n\
ec-d\torellana\tprovince\t\n\
ec-e\tesmeraldas\tprovince\t\n\
ec-f\tcanar\tprovince\t\n\
ec-g\tguayas\tprovince\t\n\
ec-h\tchimborazo\tprovince\t\n\
ec-i\timbabura\tprovince\t\n\
ec-l\tloja\tprovince\t\n\
ec-m\tmanabi\tprovince\t\n\
ec-n\tnapo\tprovince\t\n\
ec-o\tel oro\tprovince\t\n\
ec-p\tpichincha\tprovince\t\n\
ec-r\tlos rios\tprovince\t\n\
ec-s\tmorona santiago\tprovince\t\n\
ec-sd\tsanto domingo de los tsachilas\tprovince\t\n\
ec-se\tsanta elena\tprovince\t\n\
ec-t\ttungurahua\tprovince\t\n\
ec-u\tsucumbios\tprovince\t\n\
ec-w\tgalapagos\tprovince\t\n\
ec-x\tcotopaxi\tprovince\t\n\
ec-y\tpastaza\tprovince\t\n\
ec-z\tzamora chinchipe\tprovince\t\n\
ee-130\talutaguse\trural municipality\tee-45\n\
ee-141\tanija\trural municipality\tee-37\n\
ee-142\tantsla\trural municipality\tee-87\n\
ee-171\telva\trural municipality\tee-79\n\
ee-184\thaapsalu\turban municipality\tee-56\n\
ee-191\thaljala\trural municipality\tee-60\n\
ee-198\tharku\trural municipality\tee-37\n\
ee-205\thiiumaa\trural municipality\tee-39\n\
ee-214\thaademeeste\trural municipality\tee-68\n\
ee-245\tjoelahtme\trural municipality\tee-37\n\
ee-247\tjogeva\trural municipality\tee-50\n\
ee-251\tjohvi\trural municipality\tee-45\n\
ee-255\tjarva\trural municipality\tee-52\n\
ee-272\tkadrina\trural municipality\tee-60\n\
ee-283\tkambja\trural municipality\tee-79\n\
ee-284\tkanepi\trural municipality\tee-64\n\
ee-291\tkastre\trural municipality\tee-79\n\
ee-293\tkehtna\trural municipality\tee-71\n\
ee-296\tkeila\turban municipality\tee-37\n\
ee-303\tkihnu\trural municipality\tee-68\n\
ee-305\tkiili\trural municipality\tee-37\n\
ee-317\tkohila\trural municipality\tee-71\n\
ee-321\tkohtla-jarve\turban municipality\tee-45\n\
ee-338\tkose\trural municipality\tee-37\n\
ee-353\tkuusalu\trural municipality\tee-37\n\
ee-37\tharjumaa\tcounty\t\n\
ee-39\thiiumaa\tcounty\t\n\
ee-424\tloksa\turban municipality\tee-37\n\
ee-430\tlaaneranna\trural municipality\tee-68\n\
ee-431\tlaane-harju\trural municipality\tee-37\n\
ee-432\tluunja\trural municipality\tee-79\n\
ee-441\tlaane-nigula\trural municipality\tee-56\n\
ee-442\tluganuse\trural municipality\tee-45\n\
ee-446\tmaardu\turban municipality\tee-37\n\
ee-45\tida-virumaa\tcounty\t\n\
ee-478\tmuhu\trural municipality\tee-74\n\
ee-480\tmulgi\trural municipality\tee-84\n\
ee-486\tmustvee\trural municipality\tee-50\n\
ee-50\tjogevamaa\tcounty\t\n\
ee-503\tmarjamaa\trural municipality\tee-71\n\
ee-511\tnarva\turban municipality\tee-45\n\
ee-514\tnarva-joesuu\turban municipality\tee-45\n\
ee-52\tjarvamaa\tcounty\t\n\
ee-528\tnoo\trural municipality\tee-79\n\
ee-557\totepaa\trural municipality\tee-81\n\
ee-56\tlaanemaa\tcounty\t\n\
ee-567\tpaide\turban municipality\tee-52\n\
ee-586\tpeipsiaare\trural municipality\tee-79\n\
ee-60\tlaane-virumaa\tcounty\t\n\
ee-615\tpohja-sakala\trural municipality\tee-84\n\
ee-618\tpoltsamaa\trural municipality\tee-50\n\
ee-622\tpolva\trural municipality\tee-64\n\
ee-624\tparnu\turban municipality\tee-68\n\
ee-638\tpohja-parnumaa\trural municipality\tee-68\n\
ee-64\tpolvamaa\tcounty\t\n\
ee-651\traasiku\trural municipality\tee-37\n\
ee-653\trae\trural municipality\tee-37\n\
ee-661\trakvere\trural municipality\tee-60\n\
ee-663\trakvere\turban municipality\tee-60\n\
ee-668\trapla\trural municipality\tee-71\n\
ee-68\tparnumaa\tcounty\t\n\
ee-689\truhnu\trural municipality\tee-74\n\
ee-698\trouge\trural municipality\tee-87\n\
ee-708\trapina\trural municipality\tee-64\n\
ee-71\traplamaa\tcounty\t\n\
ee-712\tsaarde\trural municipality\tee-68\n\
ee-714\tsaaremaa\trural municipality\tee-74\n\
ee-719\tsaku\trural municipality\tee-37\n\
ee-726\tsaue\trural municipality\tee-37\n\
ee-732\tsetomaa\trural municipality\tee-87\n\
ee-735\tsillamae\turban municipality\tee-45\n\
ee-74\tsaaremaa\tcounty\t\n\
ee-784\ttallinn\turban municipality\tee-37\n\
ee-79\ttartumaa\tcounty\t\n\
ee-792\ttapa\trural municipality\tee-60\n\
ee-793\ttartu\turban municipality\tee-79\n\
ee-796\ttartu\trural municipality\tee-79\n\
ee-803\ttoila\trural municipality\tee-45\n\
ee-809\ttori\trural municipality\tee-68\n\
ee-81\tvalgamaa\tcounty\t\n\
ee-824\ttorva\trural municipality\tee-81\n\
ee-834\tturi\trural municipality\tee-52\n\
ee-84\tviljandimaa\tcounty\t\n\
ee-855\tvalga\trural municipality\tee-81\n\
ee-87\tvorumaa\tcounty\t\n\
ee-890\tviimsi\trural municipality\tee-37\n\
ee-897\tviljandi\turban municipality\tee-84\n\
ee-899\tviljandi\trural municipality\tee-84\n\
ee-901\tvinni\trural municipality\tee-60\n\
ee-903\tviru-nigula\trural municipality\tee-60\n\
ee-907\tvormsi\trural municipality\tee-56\n\
ee-917\tvoru\trural municipality\tee-87\n\
ee-919\tvoru\turban municipality\tee-87\n\
ee-928\tvaike-maarja\trural municipality\tee-60\n\
eg-alx\tal iskandariyah\tgovernorate\t\n\
eg-asn\taswan\tgovernorate\t\n\
eg-ast\tasyut\tgovernorate\t\n\
eg-ba\tal bahr al ahmar\tgovernorate\t\n\
eg-bh\tal buhayrah\tgovernorate\t\n\
eg-bns\tbani suwayf\tgovernorate\t\n\
eg-c\tal qahirah\tgovernorate\t\n\
eg-dk\tad daqahliyah\tgovernorate\t\n\
eg-dt\tdumyat\tgovernorate\t\n\
eg-fym\tal fayyum\tgovernorate\t\n\
eg-gh\tal gharbiyah\tgovernorate\t\n\
eg-gz\tal jizah\tgovernorate\t\n\
eg-is\tal isma'iliyah\tgovernorate\t\n\
eg-js\tjanub sina'\tgovernorate\t\n\
eg-kb\tal qalyubiyah\tgovernorate\t\n\
eg-kfs\tkafr ash shaykh\tgovernorate\t\n\
eg-kn\tqina\tgovernorate\t\n\
eg-lx\tal uqsur\tgovernorate\t\n\
eg-mn\tal minya\tgovernorate\t\n\
eg-mnf\tal minufiyah\tgovernorate\t\n\
eg-mt\tmatruh\tgovernorate\t\n\
eg-pts\tbur sa‘id\tgovernorate\t\n\
eg-shg\tsuhaj\tgovernorate\t\n\
eg-shr\tash sharqiyah\tgovernorate\t\n\
eg-sin\tshamal sina'\tgovernorate\t\n\
eg-suz\tas suways\tgovernorate\t\n\
eg-wad\tal wadi al jadid\tgovernorate\t\n\
er-an\tansaba\tregion\t\n\
er-dk\tdebubawi k’eyyih bahri\tregion\t\n\
er-du\tal janubi\tregion\t\n\
er-gb\tgash-barka\tregion\t\n\
er-ma\tal awsat\tregion\t\n\
er-sk\tsemienawi k’eyyih bahri\tregion\t\n\
es-a\talacant*\tprovince\tes-vc\n\
es-ab\talbacete\tprovince\tes-cm\n\
es-al\talmeria\tprovince\tes-an\n\
es-an\tandalucia\tautonomous community\t\n\
es-ar\taragon\tautonomous community\t\n\
es-as\tasturias, principado de\tautonomous community\t\n\
es-av\tavila\tprovince\tes-cl\n\
es-b\tbarcelona [barcelona]\tprovince\tes-ct\n\
es-ba\tbadajoz\tprovince\tes-ex\n\
es-bi\tbizkaia\tprovince\tes-pv\n\
es-bu\tburgos\tprovince\tes-cl\n\
es-c\ta coruna [la coruna]\tprovince\tes-ga\n\
es-ca\tcadiz\tprovince\tes-an\n\
es-cb\tcantabria\tautonomous community\t\n\
es-cc\tcaceres\tprovince\tes-ex\n\
es-ce\tceuta\tautonomous city in north africa\t\n\
es-cl\tcastilla y leon\tautonomous community\t\n\
es-cm\tcastilla-la mancha\tautonomous community\t\n\
es-cn\tcanarias\tautonomous community\t\n\
es-co\tcordoba\tprovince\tes-an\n\
es-cr\tciudad real\tprovince\tes-cm\n\
es-cs\tcastello*\tprovince\tes-vc\n\
es-ct\tcatalunya [cataluna]\tautonomous community\t\n\
es-cu\tcuenca\tprovince\tes-cm\n\
es-ex\textremadura\tautonomous community\t\n\
es-ga\tgalicia [galicia]\tautonomous community\t\n\
es-gc\tlas palmas\tprovince\tes-cn\n\
es-gi\tgirona [gerona]\tprovince\tes-ct\n\
es-gr\tgranada\tprovince\tes-an\n\
es-gu\tguadalajara\tprovince\tes-cm\n\
es-h\thuelva\tprovince\tes-an\n\
es-hu\thuesca\tprovince\tes-ar\n\
es-ib\tilles balears [islas baleares]\tautonomous community\t\n\
es-j\tjaen\tprovince\tes-an\n\
es-l\tlleida [lerida]\tprovince\tes-ct\n\
es-le\tleon\tprovince\tes-cl\n\
es-lo\tla rioja\tprovince\tes-ri\n\
es-lu\tlugo [lugo]\tprovince\tes-ga\n\
es-m\tmadrid\tprovince\tes-md\n\
es-ma\tmalaga\tprovince\tes-an\n\
es-mc\tmurcia, region de\tautonomous community\t\n\
es-md\tmadrid, comunidad de\tautonomous community\t\n\
es-ml\tmelilla\tautonomous city in north africa\t\n\
es-mu\tmurcia\tprovince\tes-mc\n\
es-na\tnafarroa*\tprovince\tes-nc\n\
es-nc\tnafarroako foru komunitatea*\tautonomous community\t\n\
es-o\tasturias\tprovince\tes-as\n\
es-or\tourense [orense]\tprovince\tes-ga\n\
es-p\tpalencia\tprovince\tes-cl\n\
es-pm\tilles balears [islas baleares]\tprovince\tes-ib\n\
es-po\tpontevedra [pontevedra]\tprovince\tes-ga\n\
es-pv\teuskal herria\tautonomous community\t\n\
es-ri\tla rioja\tautonomous community\t\n\
es-s\tcantabria\tprovince\tes-cb\n\
es-sa\tsalamanca\tprovince\tes-cl\n\
es-se\tsevilla\tprovince\tes-an\n\
es-sg\tsegovia\tprovince\tes-cl\n\
es-so\tsoria\tprovince\tes-cl\n\
es-ss\tgipuzkoa\tprovince\tes-pv\n\
es-t\ttarragona [tarragona]\tprovince\tes-ct\n\
es-te\tteruel\tprovince\tes-ar\n\
es-tf\tsanta cruz de tenerife\tprovince\tes-cn\n\
es-to\ttoledo\tprovince\tes-cm\n\
es-v\tvalencia\tprovince\tes-vc\n\
es-va\tvalladolid\tprovince\tes-cl\n\
es-vc\tvalenciana, comunidad\tautonomous community\t\n\
es-vi\taraba*\tprovince\tes-pv\n\
es-z\tzaragoza\tprovince\tes-ar\n\
es-za\tzamora\tprovince\tes-cl\n\
et-aa\taddis ababa\tadministration\t\n\
et-af\tafar\tregional state\t\n\
et-am\tamara\tregional state\t\n\
et-be\tbenshangul-gumaz\tregional state\t\n\
et-dd\tdire dawa\tadministration\t\n\
et-ga\tgambela peoples\tregional state\t\n\
et-ha\tharari people\tregional state\t\n\
et-or\toromia\tregional state\t\n\
et-si\tsidama\tregional state\t\n\
et-sn\tsouthern nations, nationalities and peoples\tregional state\t\n\
et-so\tsomali\tregional state\t\n\
et-sw\tsouthwest ethiopia peoples\tregional state\t\n\
et-ti\ttigrai\tregional state\t\n\
fi-01\tlandskapet aland\tregion\t\n\
fi-02\tetela-karjala\tregion\t\n\
fi-03\tetela-pohjanmaa\tregion\t\n\
fi-04\tetela-savo\tregion\t\n\
fi-05\tkainuu\tregion\t\n\
fi-06\tkanta-hame\tregion\t\n\
fi-07\tkeski-pohjanmaa\tregion\t\n\
fi-08\tkeski-suomi\tregion\t\n\
fi-09\tkymenlaakso\tregion\t\n\
fi-10\tlappi\tregion\t\n\
fi-11\tpirkanmaa\tregion\t\n\
fi-12\tpohjanmaa\tregion\t\n\
fi-13\tpohjois-karjala\tregion\t\n\
fi-14\tpohjois-pohjanmaa\tregion\t\n\
fi-15\tpohjois-savo\tregion\t\n\
fi-16\tpaijat-hame\tregion\t\n\
fi-17\tsatakunta\tregion\t\n\
fi-18\tuusimaa\tregion\t\n\
fi-19\tvarsinais-suomi\tregion\t\n\
fj-01\tba\tprovince\tfj-w\n\
fj-02\tbua\tprovince\tfj-n\n\
fj-03\tcakaudrove\tprovince\tfj-n\n\
fj-04\tkadavu\tprovince\tfj-e\n\
fj-05\tlau\tprovince\tfj-e\n\
fj-06\tlomaiviti\tprovince\tfj-e\n\
fj-07\tmacuata\tprovince\tfj-n\n\
fj-08\tnadroga and navosa\tprovince\tfj-w\n\
fj-09\tnaitasiri\tprovince\tfj-c\n\
fj-10\tnamosi\tprovince\tfj-c\n\
fj-11\tra\tprovince\tfj-w\n\
fj-12\trewa\tprovince\tfj-c\n\
fj-13\tserua\tprovince\tfj-c\n\
fj-14\ttailevu\tprovince\tfj-c\n\
fj-c\tcentral\tdivision\t\n\
fj-e\teastern\tdivision\t\n\
fj-n\tnorthern\tdivision\t\n\
fj-r\trotuma\tdependency\t\n\
fj-w\twestern\tdivision\t\n\
fm-ksa\tkosrae\tstate\t\n\
fm-pni\tpohnpei\tstate\t\n\
fm-trk\tchuuk\tstate\t\n\
fm-yap\tyap\tstate\t\n\
fr-01\tain\tmetropolitan department\tfr-ara\n\
fr-02\taisne\tmetropolitan department\tfr-hdf\n\
fr-03\tallier\tmetropolitan department\tfr-ara\n\
fr-04\talpes-de-haute-provence\tmetropolitan department\tfr-pac\n\
fr-05\thautes-alpes\tmetropolitan department\tfr-pac\n\
fr-06\talpes-maritimes\tmetropolitan department\tfr-pac\n\
fr-07\tardeche\tmetropolitan department\tfr-ara\n\
fr-08\tardennes\tmetropolitan department\tfr-ges\n\
fr-09\tariege\tmetropolitan department\tfr-occ\n\
fr-10\taube\tmetropolitan department\tfr-ges\n\
fr-11\taude\tmetropolitan department\tfr-occ\n\
fr-12\taveyron\tmetropolitan department\tfr-occ\n\
fr-13\tbouches-du-rhone\tmetropolitan department\tfr-pac\n\
fr-14\tcalvados\tmetropolitan department\tfr-nor\n\
fr-15\tcantal\tmetropolitan department\tfr-ara\n\
fr-16\tcharente\tmetropolitan department\tfr-naq\n\
fr-17\tcharente-maritime\tmetropolitan department\tfr-naq\n\
fr-18\tcher\tmetropolitan department\tfr-cvl\n\
fr-19\tcorreze\tmetropolitan department\tfr-naq\n\
fr-20r\tcorse\tmetropolitan collectivity with special status\t\n\
fr-21\tcote-d'or\tmetropolitan department\tfr-bfc\n\
fr-22\tcotes-d'armor\tmetropolitan department\tfr-bre\n\
fr-23\tcreuse\tmetropolitan department\tfr-naq\n\
fr-24\tdordogne\tmetropolitan department\tfr-naq\n\
fr-25\tdoubs\tmetropolitan department\tfr-bfc\n\
fr-26\tdrome\tmetropolitan department\tfr-ara\n\
fr-27\teure\tmetropolitan department\tfr-nor\n\
fr-28\teure-et-loir\tmetropolitan department\tfr-cvl\n\
fr-29\tfinistere\tmetropolitan department\tfr-bre\n\
fr-2a\tcorse-du-sud\tmetropolitan department\tfr-20r\n\
fr-2b\thaute-corse\tmetropolitan department\tfr-20r\n\
fr-30\tgard\tmetropolitan department\tfr-occ\n\
fr-31\thaute-garonne\tmetropolitan department\tfr-occ\n\
fr-32\tgers\tmetropolitan department\tfr-occ\n\
fr-33\tgironde\tmetropolitan department\tfr-naq\n\
fr-34\therault\tmetropolitan department\tfr-occ\n\
fr-35\tille-et-vilaine\tmetropolitan department\tfr-bre\n\
fr-36\tindre\tmetropolitan department\tfr-cvl\n\
fr-37\tindre-et-loire\tmetropolitan department\tfr-cvl\n\
fr-38\tisere\tmetropolitan department\tfr-ara\n\
fr-39\tjura\tmetropolitan department\tfr-bfc\n\
fr-40\tlandes\tmetropolitan department\tfr-naq\n\
fr-41\tloir-et-cher\tmetropolitan department\tfr-cvl\n\
fr-42\tloire\tmetropolitan department\tfr-ara\n\
fr-43\thaute-loire\tmetropolitan department\tfr-ara\n\
fr-44\tloire-atlantique\tmetropolitan department\tfr-pdl\n\
fr-45\tloiret\tmetropolitan department\tfr-cvl\n\
fr-46\tlot\tmetropolitan department\tfr-occ\n\
fr-47\tlot-et-garonne\tmetropolitan department\tfr-naq\n\
fr-48\tlozere\tmetropolitan department\tfr-occ\n\
fr-49\tmaine-et-loire\tmetropolitan department\tfr-pdl\n\
fr-50\tmanche\tmetropolitan department\tfr-nor\n\
fr-51\tmarne\tmetropolitan department\tfr-ges\n\
fr-52\thaute-marne\tmetropolitan department\tfr-ges\n\
fr-53\tmayenne\tmetropolitan department\tfr-pdl\n\
fr-54\tmeurthe-et-moselle\tmetropolitan department\tfr-ges\n\
fr-55\tmeuse\tmetropolitan department\tfr-ges\n\
fr-56\tmorbihan\tmetropolitan department\tfr-bre\n\
fr-57\tmoselle\tmetropolitan department\tfr-ges\n\
fr-58\tnievre\tmetropolitan department\tfr-bfc\n\
fr-59\tnord\tmetropolitan department\tfr-hdf\n\
fr-60\toise\tmetropolitan department\tfr-hdf\n\
fr-61\torne\tmetropolitan department\tfr-nor\n\
fr-62\tpas-de-calais\tmetropolitan department\tfr-hdf\n\
fr-63\tpuy-de-dome\tmetropolitan department\tfr-ara\n\
fr-64\tpyrenees-atlantiques\tmetropolitan department\tfr-naq\n\
fr-65\thautes-pyrenees\tmetropolitan department\tfr-occ\n\
fr-66\tpyrenees-orientales\tmetropolitan department\tfr-occ\n\
fr-67\tbas-rhin\tmetropolitan department\tfr-6ae\n\
fr-68\thaut-rhin\tmetropolitan department\tfr-6ae\n\
fr-69\trhone\tmetropolitan department\tfr-ara\n\
fr-69m\tmetropole de lyon\tmetropolitan collectivity with special status\tfr-ara\n\
fr-6ae\talsace\teuropean collectivity\tfr-ges\n\
fr-70\thaute-saone\tmetropolitan department\tfr-bfc\n\
fr-71\tsaone-et-loire\tmetropolitan department\tfr-bfc\n\
fr-72\tsarthe\tmetropolitan department\tfr-pdl\n\
fr-73\tsavoie\tmetropolitan department\tfr-ara\n\
fr-74\thaute-savoie\tmetropolitan department\tfr-ara\n\
fr-75c\tparis\tmetropolitan collectivity with special status\tfr-idf\n\
fr-76\tseine-maritime\tmetropolitan department\tfr-nor\n\
fr-77\tseine-et-marne\tmetropolitan department\tfr-idf\n\
fr-78\tyvelines\tmetropolitan department\tfr-idf\n\
fr-79\tdeux-sevres\tmetropolitan department\tfr-naq\n\
fr-80\tsomme\tmetropolitan department\tfr-hdf\n\
fr-81\ttarn\tmetropolitan department\tfr-occ\n\
fr-82\ttarn-et-garonne\tmetropolitan department\tfr-occ\n\
fr-83\tvar\tmetropolitan department\tfr-pac\n\
fr-84\tvaucluse\tmetropolitan department\tfr-pac\n\
fr-85\tvendee\tmetropolitan department\tfr-pdl\n\
fr-86\tvienne\tmetropolitan department\tfr-naq\n\
fr-87\thaute-vienne\tmetropolitan department\tfr-naq\n\
fr-88\tvosges\tmetropolitan department\tfr-ges\n\
fr-89\tyonne\tmetropolitan department\tfr-bfc\n\
fr-90\tterritoire de belfort\tmetropolitan department\tfr-bfc\n\
fr-91\tessonne\tmetropolitan department\tfr-idf\n\
fr-92\thauts-de-seine\tmetropolitan department\tfr-idf\n\
fr-93\tseine-saint-denis\tmetropolitan department\tfr-idf\n\
fr-94\tval-de-marne\tmetropolitan department\tfr-idf\n\
fr-95\tval-d'oise\tmetropolitan department\tfr-idf\n\
fr-971\tguadeloupe\toverseas departmental collectivity\t\n\
fr-972\tmartinique\toverseas unique territorial collectivity\t\n\
fr-973\tguyane (francaise)\toverseas unique territorial collectivity\t\n\
fr-974\tla reunion\toverseas departmental collectivity\t\n\
fr-976\tmayotte\toverseas departmental collectivity\t\n\
fr-ara\tauvergne-rhone-alpes\tmetropolitan region\t\n\
fr-bfc\tbourgogne-franche-comte\tmetropolitan region\t\n\
fr-bl\tsaint-barthelemy\toverseas collectivity\t\n\
fr-bre\tbretagne\tmetropolitan region\t\n\
fr-cp\tclipperton\tdependency\t\n\
fr-cvl\tcentre-val de loire\tmetropolitan region\t\n\
fr-ges\tgrand-est\tmetropolitan region\t\n\
fr-hdf\thauts-de-france\tmetropolitan region\t\n\
fr-idf\tile-de-france\tmetropolitan region\t\n\
fr-mf\tsaint-martin\toverseas collectivity\t\n\
fr-naq\tnouvelle-aquitaine\tmetropolitan region\t\n\
fr-nc\tnouvelle-caledonie\toverseas collectivity with special status\t\n\
fr-nor\tnormandie\tmetropolitan region\t\n\
fr-occ\toccitanie\tmetropolitan region\t\n\
fr-pac\tprovence-alpes-cote-d’azur\tmetropolitan region\t\n\
fr-pdl\tpays-de-la-loire\tmetropolitan region\t\n\
fr-pf\tpolynesie francaise\toverseas collectivity\t\n\
fr-pm\tsaint-pierre-et-miquelon\toverseas collectivity\t\n\
fr-tf\tterres australes francaises\toverseas territory\t\n\
fr-wf\twallis-et-futuna\toverseas collectivity\t\n\
ga-1\testuaire\tprovince\t\n\
ga-2\thaut-ogooue\tprovince\t\n\
ga-3\tmoyen-ogooue\tprovince\t\n\
ga-4\tngounie\tprovince\t\n\
ga-5\tnyanga\tprovince\t\n\
ga-6\togooue-ivindo\tprovince\t\n\
ga-7\togooue-lolo\tprovince\t\n\
ga-8\togooue-maritime\tprovince\t\n\
ga-9\twoleu-ntem\tprovince\t\n\
gb-abc\tarmagh city, banbridge and craigavon\tdistrict\tgb-nir\n\
gb-abd\taberdeenshire\tcouncil area\tgb-sct\n\
gb-abe\taberdeen city\tcouncil area\tgb-sct\n\
gb-agb\targyll and bute\tcouncil area\tgb-sct\n\
gb-agy\tisle of anglesey [sir ynys mon gb-ynm]\tunitary authority\tgb-wls\n\
gb-and\tards and north down\tdistrict\tgb-nir\n\
gb-ann\tantrim and newtownabbey\tdistrict\tgb-nir\n\
gb-ans\tangus\tcouncil area\tgb-sct\n\
gb-bas\tbath and north east somerset\tunitary authority\tgb-eng\n\
gb-bbd\tblackburn with darwen\tunitary authority\tgb-eng\n\
gb-bcp\tbournemouth, christchurch and poole\tunitary authority\tgb-eng\n\
gb-bdf\tbedford\tunitary authority\tgb-eng\n\
gb-bdg\tbarking and dagenham\tlondon borough\tgb-eng\n\
gb-ben\tbrent\tlondon borough\tgb-eng\n\
gb-bex\tbexley\tlondon borough\tgb-eng\n\
gb-bfs\tbelfast city\tdistrict\tgb-nir\n\
gb-bge\tbridgend [pen-y-bont ar ogwr gb-pog]\tunitary authority\tgb-wls\n\
gb-bgw\tblaenau gwent\tunitary authority\tgb-wls\n\
gb-bir\tbirmingham\tmetropolitan district\tgb-eng\n\
gb-bkm\tbuckinghamshire\tunitary authority\tgb-eng\n\
gb-bne\tbarnet\tlondon borough\tgb-eng\n\
gb-bnh\tbrighton and hove\tunitary authority\tgb-eng\n\
gb-bns\tbarnsley\tmetropolitan district\tgb-eng\n\
gb-bol\tbolton\tmetropolitan district\tgb-eng\n\
gb-bpl\tblackpool\tunitary authority\tgb-eng\n\
gb-brc\tbracknell forest\tunitary authority\tgb-eng\n\
gb-brd\tbradford\tmetropolitan district\tgb-eng\n\
gb-bry\tbromley\tlondon borough\tgb-eng\n\
gb-bst\tbristol, city of\tunitary authority\tgb-eng\n\
gb-bur\tbury\tmetropolitan district\tgb-eng\n\
gb-cam\tcambridgeshire\ttwo-tier county\tgb-eng\n\
gb-cay\tcaerphilly [caerffili gb-caf]\tunitary authority\tgb-wls\n\
gb-cbf\tcentral bedfordshire\tunitary authority\tgb-eng\n\
gb-ccg\tcauseway coast and glens\tdistrict\tgb-nir\n\
gb-cgn\tceredigion [sir ceredigion]\tunitary authority\tgb-wls\n\
gb-che\tcheshire east\tunitary authority\tgb-eng\n\
gb-chw\tcheshire west and chester\tunitary authority\tgb-eng\n\
gb-cld\tcalderdale\tmetropolitan district\tgb-eng\n\
gb-clk\tclackmannanshire\tcouncil area\tgb-sct\n\
gb-cma\tcumbria\ttwo-tier county\tgb-eng\n\
gb-cmd\tcamden\tlondon borough\tgb-eng\n\
gb-cmn\tcarmarthenshire [sir gaerfyrddin gb-gfy]\tunitary authority\tgb-wls\n\
gb-con\tcornwall\tunitary authority\tgb-eng\n\
gb-cov\tcoventry\tmetropolitan district\tgb-eng\n\
gb-crf\tcardiff [caerdydd gb-crd]\tunitary authority\tgb-wls\n\
gb-cry\tcroydon\tlondon borough\tgb-eng\n\
gb-cwy\tconwy\tunitary authority\tgb-wls\n\
gb-dal\tdarlington\tunitary authority\tgb-eng\n\
gb-dby\tderbyshire\ttwo-tier county\tgb-eng\n\
gb-den\tdenbighshire [sir ddinbych gb-ddb]\tunitary authority\tgb-wls\n\
gb-der\tderby\tunitary authority\tgb-eng\n\
gb-dev\tdevon\ttwo-tier county\tgb-eng\n\
gb-dgy\tdumfries and galloway\tcouncil area\tgb-sct\n\
gb-dnc\tdoncaster\tmetropolitan district\tgb-eng\n\
gb-dnd\tdundee city\tcouncil area\tgb-sct\n\
gb-dor\tdorset\ttwo-tier county\tgb-eng\n\
gb-drs\tderry and strabane\tdistrict\tgb-nir\n\
gb-dud\tdudley\tmetropolitan district\tgb-eng\n\
gb-dur\tdurham, county\tunitary authority\tgb-eng\n\
gb-eal\tealing\tlondon borough\tgb-eng\n\
gb-eay\teast ayrshire\tcouncil area\tgb-sct\n\
gb-edh\tedinburgh, city of\tcouncil area\tgb-sct\n\
gb-edu\teast dunbartonshire\tcouncil area\tgb-sct\n\
gb-eln\teast lothian\tcouncil area\tgb-sct\n\
gb-els\teilean siar\tcouncil area\tgb-sct\n\
gb-enf\tenfield\tlondon borough\tgb-eng\n\
gb-eng\tengland\tcountry\t\n\
gb-erw\teast renfrewshire\tcouncil area\tgb-sct\n\
gb-ery\teast riding of yorkshire\tunitary authority\tgb-eng\n\
gb-ess\tessex\ttwo-tier county\tgb-eng\n\
gb-esx\teast sussex\ttwo-tier county\tgb-eng\n\
gb-fal\tfalkirk\tcouncil area\tgb-sct\n\
gb-fif\tfife\tcouncil area\tgb-sct\n\
gb-fln\tflintshire [sir y fflint gb-ffl]\tunitary authority\tgb-wls\n\
gb-fmo\tfermanagh and omagh\tdistrict\tgb-nir\n\
gb-gat\tgateshead\tmetropolitan district\tgb-eng\n\
gb-glg\tglasgow city\tcouncil area\tgb-sct\n\
gb-gls\tgloucestershire\ttwo-tier county\tgb-eng\n\
gb-gre\tgreenwich\tlondon borough\tgb-eng\n\
gb-gwn\tgwynedd\tunitary authority\tgb-wls\n\
gb-hal\thalton\tunitary authority\tgb-eng\n\
gb-ham\thampshire\ttwo-tier county\tgb-eng\n\
gb-hav\thavering\tlondon borough\tgb-eng\n\
gb-hck\thackney\tlondon borough\tgb-eng\n\
gb-hef\therefordshire\tunitary authority\tgb-eng\n\
gb-hil\thillingdon\tlondon borough\tgb-eng\n\
gb-hld\thighland\tcouncil area\tgb-sct\n\
gb-hmf\thammersmith and fulham\tlondon borough\tgb-eng\n\
gb-hns\thounslow\tlondon borough\tgb-eng\n\
gb-hpl\thartlepool\tunitary authority\tgb-eng\n\
gb-hrt\thertfordshire\ttwo-tier county\tgb-eng\n\
gb-hrw\tharrow\tlondon borough\tgb-eng\n\
gb-hry\tharingey\tlondon borough\tgb-eng\n\
gb-ios\tisles of scilly\tunitary authority\tgb-eng\n\
gb-iow\tisle of wight\tunitary authority\tgb-eng\n\
gb-isl\tislington\tlondon borough\tgb-eng\n\
gb-ivc\tinverclyde\tcouncil area\tgb-sct\n\
gb-kec\tkensington and chelsea\tlondon borough\tgb-eng\n\
gb-ken\tkent\ttwo-tier county\tgb-eng\n\
gb-khl\tkingston upon hull\tunitary authority\tgb-eng\n\
gb-kir\tkirklees\tmetropolitan district\tgb-eng\n\
gb-ktt\tkingston upon thames\tlondon borough\tgb-eng\n\
gb-kwl\tknowsley\tmetropolitan district\tgb-eng\n\
gb-lan\tlancashire\ttwo-tier county\tgb-eng\n\
gb-lbc\tlisburn and castlereagh\tdistrict\tgb-nir\n\
gb-lbh\tlambeth\tlondon borough\tgb-eng\n\
gb-lce\tleicester\tunitary authority\tgb-eng\n\
gb-lds\tleeds\tmetropolitan district\tgb-eng\n\
gb-lec\tleicestershire\ttwo-tier county\tgb-eng\n\
gb-lew\tlewisham\tlondon borough\tgb-eng\n\
gb-lin\tlincolnshire\ttwo-tier county\tgb-eng\n\
gb-liv\tliverpool\tmetropolitan district\tgb-eng\n\
gb-lnd\tlondon, city of\tcity corporation\tgb-eng\n\
gb-lut\tluton\tunitary authority\tgb-eng\n\
gb-man\tmanchester\tmetropolitan district\tgb-eng\n\
gb-mdb\tmiddlesbrough\tunitary authority\tgb-eng\n\
gb-mdw\tmedway\tunitary authority\tgb-eng\n\
gb-mea\tmid and east antrim\tdistrict\tgb-nir\n\
gb-mik\tmilton keynes\tunitary authority\tgb-eng\n\
gb-mln\tmidlothian\tcouncil area\tgb-sct\n\
gb-mon\tmonmouthshire [sir fynwy gb-fyn]\tunitary authority\tgb-wls\n\
gb-mrt\tmerton\tlondon borough\tgb-eng\n\
gb-mry\tmoray\tcouncil area\tgb-sct\n\
gb-mty\tmerthyr tydfil [merthyr tudful gb-mtu]\tunitary authority\tgb-wls\n\
gb-mul\tmid-ulster\tdistrict\tgb-nir\n\
gb-nay\tnorth ayrshire\tcouncil area\tgb-sct\n\
gb-nbl\tnorthumberland\tunitary authority\tgb-eng\n\
gb-nel\tnorth east lincolnshire\tunitary authority\tgb-eng\n\
gb-net\tnewcastle upon tyne\tmetropolitan district\tgb-eng\n\
gb-nfk\tnorfolk\ttwo-tier county\tgb-eng\n\
gb-ngm\tnottingham\tunitary authority\tgb-eng\n\
gb-nir\tnorthern ireland\tprovince\t\n\
gb-nlk\tnorth lanarkshire\tcouncil area\tgb-sct\n\
gb-nln\tnorth lincolnshire\tunitary authority\tgb-eng\n\
gb-nmd\tnewry, mourne and down\tdistrict\tgb-nir\n\
gb-nnh\tnorth northamptonshire\tunitary authority\tgb-eng\n\
gb-nsm\tnorth somerset\tunitary authority\tgb-eng\n\
gb-ntl\tneath port talbot [castell-nedd port talbot gb-ctl]\tunitary authority\tgb-wls\n\
gb-ntt\tnottinghamshire\ttwo-tier county\tgb-eng\n\
gb-nty\tnorth tyneside\tmetropolitan district\tgb-eng\n\
gb-nwm\tnewham\tlondon borough\tgb-eng\n\
gb-nwp\tnewport [casnewydd gb-cnw]\tunitary authority\tgb-wls\n\
gb-nyk\tnorth yorkshire\ttwo-tier county\tgb-eng\n\
gb-old\toldham\tmetropolitan district\tgb-eng\n\
gb-ork\torkney islands\tcouncil area\tgb-sct\n\
gb-oxf\toxfordshire\ttwo-tier county\tgb-eng\n\
gb-pem\tpembrokeshire [sir benfro gb-bnf]\tunitary authority\tgb-wls\n\
gb-pkn\tperth and kinross\tcouncil area\tgb-sct\n\
gb-ply\tplymouth\tunitary authority\tgb-eng\n\
gb-por\tportsmouth\tunitary authority\tgb-eng\n\
gb-pow\tpowys\tunitary authority\tgb-wls\n\
gb-pte\tpeterborough\tunitary authority\tgb-eng\n\
gb-rcc\tredcar and cleveland\tunitary authority\tgb-eng\n\
gb-rch\trochdale\tmetropolitan district\tgb-eng\n\
gb-rct\trhondda cynon taff [rhondda cynontaf]\tunitary authority\tgb-wls\n\
gb-rdb\tredbridge\tlondon borough\tgb-eng\n\
gb-rdg\treading\tunitary authority\tgb-eng\n\
gb-rfw\trenfrewshire\tcouncil area\tgb-sct\n\
gb-ric\trichmond upon thames\tlondon borough\tgb-eng\n\
gb-rot\trotherham\tmetropolitan district\tgb-eng\n\
gb-rut\trutland\tunitary authority\tgb-eng\n\
gb-saw\tsandwell\tmetropolitan district\tgb-eng\n\
gb-say\tsouth ayrshire\tcouncil area\tgb-sct\n\
gb-scb\tscottish borders\tcouncil area\tgb-sct\n\
gb-sct\tscotland\tcountry\t\n\
gb-sfk\tsuffolk\ttwo-tier county\tgb-eng\n\
gb-sft\tsefton\tmetropolitan district\tgb-eng\n\
gb-sgc\tsouth gloucestershire\tunitary authority\tgb-eng\n\
gb-shf\tsheffield\tmetropolitan district\tgb-eng\n\
gb-shn\tst. helens\tmetropolitan district\tgb-eng\n\
gb-shr\tshropshire\tunitary authority\tgb-eng\n\
gb-skp\tstockport\tmetropolitan district\tgb-eng\n\
gb-slf\tsalford\tmetropolitan district\tgb-eng\n\
gb-slg\tslough\tunitary authority\tgb-eng\n\
gb-slk\tsouth lanarkshire\tcouncil area\tgb-sct\n\
gb-snd\tsunderland\tmetropolitan district\tgb-eng\n\
gb-sol\tsolihull\tmetropolitan district\tgb-eng\n\
gb-som\tsomerset\ttwo-tier county\tgb-eng\n\
gb-sos\tsouthend-on-sea\tunitary authority\tgb-eng\n\
gb-sry\tsurrey\ttwo-tier county\tgb-eng\n\
gb-ste\tstoke-on-trent\tunitary authority\tgb-eng\n\
gb-stg\tstirling\tcouncil area\tgb-sct\n\
gb-sth\tsouthampton\tunitary authority\tgb-eng\n\
gb-stn\tsutton\tlondon borough\tgb-eng\n\
gb-sts\tstaffordshire\ttwo-tier county\tgb-eng\n\
gb-stt\tstockton-on-tees\tunitary authority\tgb-eng\n\
gb-sty\tsouth tyneside\tmetropolitan district\tgb-eng\n\
gb-swa\tswansea [abertawe gb-ata]\tunitary authority\tgb-wls\n\
gb-swd\tswindon\tunitary authority\tgb-eng\n\
gb-swk\tsouthwark\tlondon borough\tgb-eng\n\
gb-tam\ttameside\tmetropolitan district\tgb-eng\n\
gb-tfw\ttelford and wrekin\tunitary authority\tgb-eng\n\
gb-thr\tthurrock\tunitary authority\tgb-eng\n\
gb-tob\ttorbay\tunitary authority\tgb-eng\n\
gb-tof\ttorfaen [tor-faen]\tunitary authority\tgb-wls\n\
gb-trf\ttrafford\tmetropolitan district\tgb-eng\n\
gb-twh\ttower hamlets\tlondon borough\tgb-eng\n\
gb-vgl\tvale of glamorgan, the [bro morgannwg gb-bmg]\tunitary authority\tgb-wls\n\
gb-war\twarwickshire\ttwo-tier county\tgb-eng\n\
gb-wbk\twest berkshire\tunitary authority\tgb-eng\n\
gb-wdu\twest dunbartonshire\tcouncil area\tgb-sct\n\
gb-wft\twaltham forest\tlondon borough\tgb-eng\n\
gb-wgn\twigan\tmetropolitan district\tgb-eng\n\
gb-wil\twiltshire\tunitary authority\tgb-eng\n\
gb-wkf\twakefield\tmetropolitan district\tgb-eng\n\
gb-wll\twalsall\tmetropolitan district\tgb-eng\n\
gb-wln\twest lothian\tcouncil area\tgb-sct\n\
gb-wls\twales [cymru gb-cym]\tcountry\t\n\
gb-wlv\twolverhampton\tmetropolitan district\tgb-eng\n\
gb-wnd\twandsworth\tlondon borough\tgb-eng\n\
gb-wnh\twest northamptonshire\tunitary authority\tgb-eng\n\
gb-wnm\twindsor and maidenhead\tunitary authority\tgb-eng\n\
gb-wok\twokingham\tunitary authority\tgb-eng\n\
gb-wor\tworcestershire\ttwo-tier county\tgb-eng\n\
gb-wrl\twirral\tmetropolitan district\tgb-eng\n\
gb-wrt\twarrington\tunitary authority\tgb-eng\n\
gb-wrx\twrexham [wrecsam gb-wrc]\tunitary authority\tgb-wls\n\
gb-wsm\twestminster\tlondon borough\tgb-eng\n\
gb-wsx\twest sussex\ttwo-tier county\tgb-eng\n\
gb-yor\tyork\tunitary authority\tgb-eng\n\
gb-zet\tshetland islands\tcouncil area\tgb-sct\n\
gd-01\tsaint andrew\tparish\t\n\
gd-02\tsaint david\tparish\t\n\
gd-03\tsaint george\tparish\t\n\
gd-04\tsaint john\tparish\t\n\
gd-05\tsaint mark\tparish\t\n\
gd-06\tsaint patrick\tparish\t\n\
gd-10\tsouthern grenadine islands\tdependency\t\n\
ge-ab\tabkhazia\tautonomous republic\t\n\
ge-aj\tajaria\tautonomous republic\t\n\
ge-gu\tguria\tregion\t\n\
ge-im\timereti\tregion\t\n\
ge-ka\tk'akheti\tregion\t\n\
ge-kk\tkvemo kartli\tregion\t\n\
ge-mm\tmtskheta-mtianeti\tregion\t\n\
ge-rl\trach'a-lechkhumi-kvemo svaneti\tregion\t\n\
ge-sj\tsamtskhe-javakheti\tregion\t\n\
ge-sk\tshida kartli\tregion\t\n\
ge-sz\tsamegrelo-zemo svaneti\tregion\t\n\
ge-tb\ttbilisi\tcity\t\n\
gh-aa\tgreater accra\tregion\t\n\
gh-af\tahafo\tregion\t\n\
gh-ah\tashanti\tregion\t\n\
gh-be\tbono east\tregion\t\n\
gh-bo\tbono\tregion\t\n\
gh-cp\tcentral\tregion\t\n\
gh-ep\teastern\tregion\t\n\
gh-ne\tnorth east\tregion\t\n\
gh-np\tnorthern\tregion\t\n\
gh-ot\toti\tregion\t\n\
gh-sv\tsavannah\tregion\t\n\
gh-tv\tvolta\tregion\t\n\
gh-ue\tupper east\tregion\t\n\
gh-uw\tupper west\tregion\t\n\
gh-wn\twestern north\tregion\t\n\
gh-wp\twestern\tregion\t\n\
gl-av\tavannaata kommunia\tmunicipality\t\n\
gl-ku\tkommune kujalleq\tmunicipality\t\n\
gl-qe\tqeqqata kommunia\tmunicipality\t\n\
gl-qt\tkommune qeqertalik\tmunicipality\t\n\
gl-sm\tkommuneqarfik sermersooq\tmunicipality\t\n\
gm-b\tbanjul\tcity\t\n\
gm-l\tlower river\tdivision\t\n\
gm-m\tcentral river\tdivision\t\n\
gm-n\tnorth bank\tdivision\t\n\
gm-u\tupper river\tdivision\t\n\
gm-w\twestern\tdivision\t\n\
gn-b\tboke\tadministrative region\t\n\
gn-be\tbeyla\tprefecture\tgn-n\n\
gn-bf\tboffa\tprefecture\tgn-b\n\
gn-bk\tboke\tprefecture\tgn-b\n\
gn-c\tconakry\tgovernorate\t\n\
gn-co\tcoyah\tprefecture\tgn-d\n\
gn-d\tkindia\tadministrative region\t\n\
gn-db\tdabola\tprefecture\tgn-f\n\
gn-di\tdinguiraye\tprefecture\tgn-f\n\
gn-dl\tdalaba\tprefecture\tgn-m\n\
gn-du\tdubreka\tprefecture\tgn-d\n\
gn-f\tfaranah\tadministrative region\t\n\
gn-fa\tfaranah\tprefecture\tgn-f\n\
gn-fo\tforecariah\tprefecture\tgn-d\n\
gn-fr\tfria\tprefecture\tgn-b\n\
gn-ga\tgaoual\tprefecture\tgn-b\n\
gn-gu\tguekedou\tprefecture\tgn-n\n\
gn-k\tkankan\tadministrative region\t\n\
gn-ka\tkankan\tprefecture\tgn-k\n\
gn-kb\tkoubia\tprefecture\tgn-l\n\
gn-kd\tkindia\tprefecture\tgn-d\n\
gn-ke\tkerouane\tprefecture\tgn-k\n\
gn-kn\tkoundara\tprefecture\tgn-b\n\
gn-ko\tkouroussa\tprefecture\tgn-k\n\
gn-ks\tkissidougou\tprefecture\tgn-f\n\
gn-l\tlabe\tadministrative region\t\n\
gn-la\tlabe\tprefecture\tgn-l\n\
gn-le\tlelouma\tprefecture\tgn-l\n\
gn-lo\tlola\tprefecture\tgn-n\n\
gn-m\tmamou\tadministrative region\t\n\
gn-mc\tmacenta\tprefecture\tgn-n\n\
gn-md\tmandiana\tprefecture\tgn-k\n\
gn-ml\tmali\tprefecture\tgn-l\n\
gn-mm\tmamou\tprefecture\tgn-m\n\
gn-n\tnzerekore\tadministrative region\t\n\
gn-nz\tnzerekore\tprefecture\tgn-n\n\
gn-pi\tpita\tprefecture\tgn-m\n\
gn-si\tsiguiri\tprefecture\tgn-k\n\
gn-te\ttelimele\tprefecture\tgn-d\n\
gn-to\ttougue\tprefecture\tgn-l\n\
gn-yo\tyomou\tprefecture\tgn-n\n\
gq-an\tannobon\tprovince\tgq-i\n\
gq-bn\tbioko nord\tprovince\tgq-i\n\
gq-bs\tbioko sud\tprovince\tgq-i\n\
gq-c\tregion continentale\tregion\t\n\
gq-cs\tcentro sud\tprovince\tgq-c\n\
gq-dj\tdjibloho\tprovince\tgq-c\n\
gq-i\tregion insulaire\tregion\t\n\
gq-kn\tkie-ntem\tprovince\tgq-c\n\
gq-li\tlittoral\tprovince\tgq-c\n\
gq-wn\twele-nzas\tprovince\tgq-c\n\
gr-69\tagion oros\tself-governed part\t\n\
gr-a\tanatoliki makedonia kai thraki\tadministrative region\t\n\
gr-b\tkentriki makedonia\tadministrative region\t\n\
gr-c\tdytiki makedonia\tadministrative region\t\n\
gr-d\tipeiros\tadministrative region\t\n\
gr-e\tthessalia\tadministrative region\t\n\
gr-f\tionia nisia\tadministrative region\t\n\
gr-g\tdytiki ellada\tadministrative region\t\n\
gr-h\tsterea ellada\tadministrative region\t\n\
gr-i\tattiki\tadministrative region\t\n\
gr-j\tpeloponnisos\tadministrative region\t\n\
gr-k\tvoreio aigaio\tadministrative region\t\n\
gr-l\tnotio aigaio\tadministrative region\t\n\
gr-m\tkriti\tadministrative region\t\n\
gt-01\tguatemala\tdepartment\t\n\
gt-02\tel progreso\tdepartment\t\n\
gt-03\tsacatepequez\tdepartment\t\n\
gt-04\tchimaltenango\tdepartment\t\n\
gt-05\tescuintla\tdepartment\t\n\
gt-06\tsanta rosa\tdepartment\t\n\
gt-07\tsolola\tdepartment\t\n\
gt-08\ttotonicapan\tdepartment\t\n\
gt-09\tquetzaltenango\tdepartment\t\n\
gt-10\tsuchitepequez\tdepartment\t\n\
gt-11\tretalhuleu\tdepartment\t\n\
gt-12\tsan marcos\tdepartment\t\n\
gt-13\thuehuetenango\tdepartment\t\n\
gt-14\tquiche\tdepartment\t\n\
gt-15\tbaja verapaz\tdepartment\t\n\
gt-16\talta verapaz\tdepartment\t\n\
gt-17\tpeten\tdepartment\t\n\
gt-18\tizabal\tdepartment\t\n\
gt-19\tzacapa\tdepartment\t\n\
gt-20\tchiquimula\tdepartment\t\n\
gt-21\tjalapa\tdepartment\t\n\
gt-22\tjutiapa\tdepartment\t\n\
gw-ba\tbafata\tregion\tgw-l\n\
gw-bl\tbolama / bijagos\tregion\tgw-s\n\
gw-bm\tbiombo\tregion\tgw-n\n\
gw-bs\tbissau\tautonomous sector\t\n\
gw-ca\tcacheu\tregion\tgw-n\n\
gw-ga\tgabu\tregion\tgw-l\n\
gw-l\tleste\tprovince\t\n\
gw-n\tnorte\tprovince\t\n\
gw-oi\toio\tregion\tgw-n\n\
gw-qu\tquinara\tregion\tgw-s\n\
gw-s\tsul\tprovince\t\n\
gw-to\ttombali\tregion\tgw-s\n\
gy-ba\tbarima-waini\tregion\t\n\
gy-cu\tcuyuni-mazaruni\tregion\t\n\
gy-de\tdemerara-mahaica\tregion\t\n\
gy-eb\teast berbice-corentyne\tregion\t\n\
gy-es\tessequibo islands-west demerara\tregion\t\n\
gy-ma\tmahaica-berbice\tregion\t\n\
gy-pm\tpomeroon-supenaam\tregion\t\n\
gy-pt\tpotaro-siparuni\tregion\t\n\
gy-ud\tupper demerara-berbice\tregion\t\n\
gy-ut\tupper takutu-upper essequibo\tregion\t\n\
hn-at\tatlantida\tdepartment\t\n\
hn-ch\tcholuteca\tdepartment\t\n\
hn-cl\tcolon\tdepartment\t\n\
hn-cm\tcomayagua\tdepartment\t\n\
hn-cp\tcopan\tdepartment\t\n\
hn-cr\tcortes\tdepartment\t\n\
hn-ep\tel paraiso\tdepartment\t\n\
hn-fm\tfrancisco morazan\tdepartment\t\n\
hn-gd\tgracias a dios\tdepartment\t\n\
hn-ib\tislas de la bahia\tdepartment\t\n\
hn-in\tintibuca\tdepartment\t\n\
hn-le\tlempira\tdepartment\t\n\
hn-lp\tla paz\tdepartment\t\n\
hn-oc\tocotepeque\tdepartment\t\n\
hn-ol\tolancho\tdepartment\t\n\
hn-sb\tsanta barbara\tdepartment\t\n\
hn-va\tvalle\tdepartment\t\n\
hn-yo\tyoro\tdepartment\t\n\
hr-01\tzagrebacka zupanija\tcounty\t\n\
hr-02\tkrapinsko-zagorska zupanija\tcounty\t\n\
hr-03\tsisacko-moslavacka zupanija\tcounty\t\n\
hr-04\tkarlovacka zupanija\tcounty\t\n\
hr-05\tvarazdinska zupanija\tcounty\t\n\
hr-06\tkoprivnicko-krizevacka zupanija\tcounty\t\n\
hr-07\tbjelovarsko-bilogorska zupanija\tcounty\t\n\
hr-08\tprimorsko-goranska zupanija\tcounty\t\n\
hr-09\tlicko-senjska zupanija\tcounty\t\n\
hr-10\tviroviticko-podravska zupanija\tcounty\t\n\
hr-11\tpozesko-slavonska zupanija\tcounty\t\n\
hr-12\tbrodsko-posavska zupanija\tcounty\t\n\
hr-13\tzadarska zupanija\tcounty\t\n\
hr-14\tosjecko-baranjska zupanija\tcounty\t\n\
hr-15\tsibensko-kninska zupanija\tcounty\t\n\
hr-16\tvukovarsko-srijemska zupanija\tcounty\t\n\
hr-17\tsplitsko-dalmatinska zupanija\tcounty\t\n\
hr-18\tistarska zupanija\tcounty\t\n\
hr-19\tdubrovacko-neretvanska zupanija\tcounty\t\n\
hr-20\tmeđimurska zupanija\tcounty\t\n\
hr-21\tgrad zagreb\tcity\t\n\
ht-ar\tartibonite\tdepartment\t\n\
ht-ce\tcentre\tdepartment\t\n\
ht-ga\tgrande’anse\tdepartment\t\n\
ht-nd\tnord\tdepartment\t\n\
ht-ne\tnord-est\tdepartment\t\n\
ht-ni\tnippes\tdepartment\t\n\
ht-no\tnord-ouest\tdepartment\t\n\
ht-ou\touest\tdepartment\t\n\
ht-sd\tsud\tdepartment\t\n\
ht-se\tsud-est\tdepartment\t\n\
hu-ba\tbaranya\tcounty\t\n\
hu-bc\tbekescsaba\tcity with county rights\t\n\
hu-be\tbekes\tcounty\t\n\
hu-bk\tbacs-kiskun\tcounty\t\n\
hu-bu\tbudapest\tcapital city\t\n\
hu-bz\tborsod-abauj-zemplen\tcounty\t\n\
hu-cs\tcsongrad-csanad\tcounty\t\n\
hu-de\tdebrecen\tcity with county rights\t\n\
hu-du\tdunaujvaros\tcity with county rights\t\n\
hu-eg\teger\tcity with county rights\t\n\
hu-er\terd\tcity with county rights\t\n\
hu-fe\tfejer\tcounty\t\n\
hu-gs\tgyor-moson-sopron\tcounty\t\n\
hu-gy\tgyor\tcity with county rights\t\n\
hu-hb\thajdu-bihar\tcounty\t\n\
hu-he\theves\tcounty\t\n\
hu-hv\thodmezovasarhely\tcity with county rights\t\n\
hu-jn\tjasz-nagykun-szolnok\tcounty\t\n\
hu-ke\tkomarom-esztergom\tcounty\t\n\
hu-km\tkecskemet\tcity with county rights\t\n\
hu-kv\tkaposvar\tcity with county rights\t\n\
hu-mi\tmiskolc\tcity with county rights\t\n\
hu-nk\tnagykanizsa\tcity with county rights\t\n\
hu-no\tnograd\tcounty\t\n\
hu-ny\tnyiregyhaza\tcity with county rights\t\n\
hu-pe\tpest\tcounty\t\n\
hu-ps\tpecs\tcity with county rights\t\n\
hu-sd\tszeged\tcity with county rights\t\n\
hu-sf\tszekesfehervar\tcity with county rights\t\n\
hu-sh\tszombathely\tcity with county rights\t\n\
hu-sk\tszolnok\tcity with county rights\t\n\
hu-sn\tsopron\tcity with county rights\t\n\
hu-so\tsomogy\tcounty\t\n\
hu-ss\tszekszard\tcity with county rights\t\n\
hu-st\tsalgotarjan\tcity with county rights\t\n\
hu-sz\tszabolcs-szatmar-bereg\tcounty\t\n\
hu-tb\ttatabanya\tcity with county rights\t\n\
hu-to\ttolna\tcounty\t\n\
hu-va\tvas\tcounty\t\n\
hu-ve\tveszprem\tcounty\t\n\
hu-vm\tveszprem\tcity with county rights\t\n\
hu-za\tzala\tcounty\t\n\
hu-ze\tzalaegerszeg\tcity with county rights\t\n\
id-ac\taceh\tprovince\tid-sm\n\
id-ba\tbali\tprovince\tid-nu\n\
id-bb\tkepulauan bangka belitung\tprovince\tid-sm\n\
id-be\tbengkulu\tprovince\tid-sm\n\
id-bt\tbanten\tprovince\tid-jw\n\
id-go\tgorontalo\tprovince\tid-sl\n\
id-ja\tjambi\tprovince\tid-sm\n\
id-jb\tjawa barat\tprovince\tid-jw\n\
id-ji\tjawa timur\tprovince\tid-jw\n\
id-jk\tjakarta raya\tcapital district\tid-jw\n\
id-jt\tjawa tengah\tprovince\tid-jw\n\
id-jw\tjawa\tgeographical unit\t\n\
id-ka\tkalimantan\tgeographical unit\t\n\
id-kb\tkalimantan barat\tprovince\tid-ka\n\
id-ki\tkalimantan timur\tprovince\tid-ka\n\
id-kr\tkepulauan riau\tprovince\tid-sm\n\
id-ks\tkalimantan selatan\tprovince\tid-ka\n\
id-kt\tkalimantan tengah\tprovince\tid-ka\n\
id-ku\tkalimantan utara\tprovince\tid-ka\n\
id-la\tlampung\tprovince\tid-sm\n\
id-ma\tmaluku\tprovince\tid-ml\n\
id-ml\tmaluku\tgeographical unit\t\n\
id-mu\tmaluku utara\tprovince\tid-ml\n\
id-nb\tnusa tenggara barat\tprovince\tid-nu\n\
id-nt\tnusa tenggara timur\tprovince\tid-nu\n\
id-nu\tnusa tenggara\tgeographical unit\t\n\
id-pa\tpapua\tprovince\tid-pp\n\
id-pb\tpapua barat\tprovince\tid-pp\n\
id-pd\tpapua barat daya\tprovince\tid-pp\n\
id-pe\tpapua pengunungan\tprovince\tid-pp\n\
id-pp\tpapua\tgeographical unit\t\n\
id-ps\tpapua selatan\tprovince\tid-pp\n\
id-pt\tpapua tengah\tprovince\tid-pp\n\
id-ri\triau\tprovince\tid-sm\n\
id-sa\tsulawesi utara\tprovince\tid-sl\n\
id-sb\tsumatera barat\tprovince\tid-sm\n\
id-sg\tsulawesi tenggara\tprovince\tid-sl\n\
id-sl\tsulawesi\tgeographical unit\t\n\
id-sm\tsumatera\tgeographical unit\t\n\
id-sn\tsulawesi selatan\tprovince\tid-sl\n\
id-sr\tsulawesi barat\tprovince\tid-sl\n\
id-ss\tsumatera selatan\tprovince\tid-sm\n\
id-st\tsulawesi tengah\tprovince\tid-sl\n\
id-su\tsumatera utara\tprovince\tid-sm\n\
id-yo\tyogyakarta\tspecial region\tid-jw\n\
ie-c\tconnaught\tprovince\t\n\
ie-ce\tclare\tcounty\tie-m\n\
ie-cn\tcavan\tcounty\tie-u\n\
ie-co\tcork\tcounty\tie-m\n\
ie-cw\tcarlow\tcounty\tie-l\n\
ie-d\tdublin\tcounty\tie-l\n\
ie-dl\tdonegal\tcounty\tie-u\n\
ie-g\tgalway\tcounty\tie-c\n\
ie-ke\tkildare\tcounty\tie-l\n\
ie-kk\tkilkenny\tcounty\tie-l\n\
ie-ky\tkerry\tcounty\tie-m\n\
ie-l\tleinster\tprovince\t\n\
ie-ld\tlongford\tcounty\tie-l\n\
ie-lh\tlouth\tcounty\tie-l\n\
ie-lk\tlimerick\tcounty\tie-m\n\
ie-lm\tleitrim\tcounty\tie-c\n\
ie-ls\tlaois\tcounty\tie-l\n\
ie-m\tmunster\tprovince\t\n\
ie-mh\tmeath\tcounty\tie-l\n\
ie-mn\tmonaghan\tcounty\tie-u\n\
ie-mo\tmayo\tcounty\tie-c\n\
ie-oy\toffaly\tcounty\tie-l\n\
ie-rn\troscommon\tcounty\tie-c\n\
ie-so\tsligo\tcounty\tie-c\n\
ie-ta\ttipperary\tcounty\tie-m\n\
ie-u\tulster\tprovince\t\n\
ie-wd\twaterford\tcounty\tie-m\n\
ie-wh\twestmeath\tcounty\tie-l\n\
ie-ww\twicklow\tcounty\tie-l\n\
ie-wx\twexford\tcounty\tie-l\n\
il-d\tal janubi\tdistrict\t\n\
il-ha\thefa\tdistrict\t\n\
il-jm\tal quds\tdistrict\t\n\
il-m\tal awsat\tdistrict\t\n\
il-ta\ttall abib\tdistrict\t\n\
il-z\tash shamali\tdistrict\t\n\
in-an\tandaman and nicobar islands\tunion territory\t\n\
in-ap\tandhra pradesh\tstate\t\n\
in-ar\tarunachal pradesh\tstate\t\n\
in-as\tassam\tstate\t\n\
in-br\tbihar\tstate\t\n\
in-cg\tchhattisgarh\tstate\t\n\
in-ch\tchandigarh\tunion territory\t\n\
in-dh\tdadra and nagar haveli and daman and diu\tunion territory\t\n\
in-dl\tdelhi\tunion territory\t\n\
in-ga\tgoa\tstate\t\n\
in-gj\tgujarat\tstate\t\n\
in-hp\thimachal pradesh\tstate\t\n\
in-hr\tharyana\tstate\t\n\
in-jh\tjharkhand\tstate\t\n\
in-jk\tjammu and kashmir\tunion territory\t\n\
in-ka\tkarnataka\tstate\t\n\
in-kl\tkerala\tstate\t\n\
in-la\tladakh\tunion territory\t\n\
in-ld\tlakshadweep\tunion territory\t\n\
in-mh\tmaharashtra\tstate\t\n\
in-ml\tmeghalaya\tstate\t\n\
in-mn\tmanipur\tstate\t\n\
in-mp\tmadhya pradesh\tstate\t\n\
in-mz\tmizoram\tstate\t\n\
in-nl\tnagaland\tstate\t\n\
in-od\todisha\tstate\t\n\
in-pb\tpunjab\tstate\t\n\
in-py\tpuducherry\tunion territory\t\n\
in-rj\trajasthan\tstate\t\n\
in-sk\tsikkim\tstate\t\n\
in-tn\ttamil nadu\tstate\t\n\
in-tr\ttripura\tstate\t\n\
in-ts\ttelangana\tstate\t\n\
in-uk\tuttarakhand\tstate\t\n\
in-up\tuttar pradesh\tstate\t\n\
in-wb\twest bengal\tstate\t\n\
iq-an\tal anbar\tgovernorate\t\n\
iq-ar\tarbil\tgovernorate\tiq-kr\n\
iq-ba\tal basrah\tgovernorate\t\n\
iq-bb\tbabil\tgovernorate\t\n\
iq-bg\tbaghdad\tgovernorate\t\n\
iq-da\tdahuk\tgovernorate\tiq-kr\n\
iq-di\tdiyala\tgovernorate\t\n\
iq-dq\tdhi qar\tgovernorate\t\n\
iq-ka\tkarbala’\tgovernorate\t\n\
iq-ki\tkirkuk\tgovernorate\t\n\
iq-kr\therem-i kurdistan\tregion\t\n\
iq-ma\tmaysan\tgovernorate\t\n\
iq-mu\tal muthanna\tgovernorate\t\n\
iq-na\tan najaf\tgovernorate\t\n\
iq-ni\tninawa\tgovernorate\t\n\
iq-qa\tal qadisiyah\tgovernorate\t\n\
iq-sd\tsalah ad din\tgovernorate\t\n\
iq-su\tas sulaymaniyah\tgovernorate\tiq-kr\n\
iq-wa\twasit\tgovernorate\t\n\
ir-00\tmarkazi\tprovince\t\n\
ir-01\tgilan\tprovince\t\n\
ir-02\tmazandaran\tprovince\t\n\
ir-03\tazarbayjan-e sharqi\tprovince\t\n\
ir-04\tazarbayjan-e gharbi\tprovince\t\n\
ir-05\tkermanshah\tprovince\t\n\
ir-06\tkhuzestan\tprovince\t\n\
ir-07\tfars\tprovince\t\n\
ir-08\tkerman\tprovince\t\n\
ir-09\tkhorasan-e razavi\tprovince\t\n\
ir-10\tesfahan\tprovince\t\n\
ir-11\tsistan va baluchestan\tprovince\t\n\
ir-12\tkordestan\tprovince\t\n\
ir-13\thamadan\tprovince\t\n\
ir-14\tchahar mahal va bakhtiari\tprovince\t\n\
ir-15\tlorestan\tprovince\t\n\
ir-16\tilam\tprovince\t\n\
ir-17\tkohgiluyeh va bowyer ahmad\tprovince\t\n\
ir-18\tbushehr\tprovince\t\n\
ir-19\tzanjan\tprovince\t\n\
ir-20\tsemnan\tprovince\t\n\
ir-21\tyazd\tprovince\t\n\
ir-22\thormozgan\tprovince\t\n\
ir-23\ttehran\tprovince\t\n\
ir-24\tardabil\tprovince\t\n\
ir-25\tqom\tprovince\t\n\
ir-26\tqazvin\tprovince\t\n\
ir-27\tgolestan\tprovince\t\n\
ir-28\tkhorasan-e shomali\tprovince\t\n\
ir-29\tkhorasan-e jonubi\tprovince\t\n\
ir-30\talborz\tprovince\t\n\
is-1\thofuðborgarsvæði\tregion\t\n\
is-2\tsuðurnes\tregion\t\n\
is-3\tvesturland\tregion\t\n\
is-4\tvestfirðir\tregion\t\n\
is-5\tnorðurland vestra\tregion\t\n\
is-6\tnorðurland eystra\tregion\t\n\
is-7\tausturland\tregion\t\n\
is-8\tsuðurland\tregion\t\n\
is-akn\takraneskaupstaður\tmunicipality\tis-3\n\
is-aku\takureyrarbær\tmunicipality\tis-6\n\
is-arn\tarneshreppur\tmunicipality\tis-4\n\
is-asa\tasahreppur\tmunicipality\tis-8\n\
is-bla\tblaskogabyggð\tmunicipality\tis-8\n\
is-bog\tborgarbyggð\tmunicipality\tis-3\n\
is-bol\tbolungarvikurkaupstaður\tmunicipality\tis-4\n\
is-dab\tdalabyggð\tmunicipality\tis-3\n\
is-dav\tdalvikurbyggð\tmunicipality\tis-6\n\
is-eom\teyja- og miklaholtshreppur\tmunicipality\tis-3\n\
is-eyf\teyjafjarðarsveit\tmunicipality\tis-6\n\
is-fjd\tfjarðabyggð\tmunicipality\tis-7\n\
is-fjl\tfjallabyggð\tmunicipality\tis-6\n\
is-fla\tfloahreppur\tmunicipality\tis-8\n\
is-flr\tfljotsdalshreppur\tmunicipality\tis-7\n\
is-gar\tgarðabær\tmunicipality\tis-1\n\
is-gog\tgrimsnes- og grafningshreppur\tmunicipality\tis-8\n\
is-grn\tgrindavikurbær\tmunicipality\tis-2\n\
is-gru\tgrundarfjarðarbær\tmunicipality\tis-3\n\
is-gry\tgrytubakkahreppur\tmunicipality\tis-6\n\
is-haf\thafnarfjarðarkaupstaður\tmunicipality\tis-1\n\
is-hrg\thorgarsveit\tmunicipality\tis-6\n\
is-hru\thrunamannahreppur\tmunicipality\tis-8\n\
is-hug\thunabyggð\tmunicipality\tis-5\n\
is-huv\thunaþing vestra\tmunicipality\tis-5\n\
is-hva\thvalfjarðarsveit\tmunicipality\tis-3\n\
is-hve\thveragerðisbær\tmunicipality\tis-8\n\
is-isa\tisafjarðarbær\tmunicipality\tis-4\n\
is-kal\tkaldrananeshreppur\tmunicipality\tis-4\n\
is-kjo\tkjosarhreppur\tmunicipality\tis-1\n\
is-kop\tkopavogsbær\tmunicipality\tis-1\n\
is-lan\tlanganesbyggð\tmunicipality\tis-6\n\
is-mos\tmosfellsbær\tmunicipality\tis-1\n\
is-mul\tmulaþing\tmunicipality\tis-7\n\
is-myr\tmyrdalshreppur\tmunicipality\tis-8\n\
is-nor\tnorðurþing\tmunicipality\tis-6\n\
is-rge\trangarþing eystra\tmunicipality\tis-8\n\
is-rgy\trangarþing ytra\tmunicipality\tis-8\n\
is-rhh\treykholahreppur\tmunicipality\tis-4\n\
is-rkn\treykjanesbær\tmunicipality\tis-2\n\
is-rkv\treykjavikurborg\tmunicipality\tis-1\n\
is-sbt\tsvalbarðsstrandarhreppur\tmunicipality\tis-6\n\
is-sdn\tsuðurnesjabær\tmunicipality\tis-2\n\
is-sdv\tsuðavikurhreppur\tmunicipality\tis-4\n\
is-sel\tseltjarnarnesbær\tmunicipality\tis-1\n\
is-sfa\tsveitarfelagið arborg\tmunicipality\tis-8\n\
is-shf\tsveitarfelagið hornafjorður\tmunicipality\tis-7\n\
is-skf\tskaftarhreppur\tmunicipality\tis-8\n\
is-skg\tskagabyggð\tmunicipality\tis-5\n\
is-sko\tskorradalshreppur\tmunicipality\tis-3\n\
is-skr\tskagafjorður\tmunicipality\tis-5\n\
is-snf\tsnæfellsbær\tmunicipality\tis-3\n\
is-sog\tskeiða- og gnupverjahreppur\tmunicipality\tis-8\n\
is-sol\tsveitarfelagið olfus\tmunicipality\tis-8\n\
is-sss\tsveitarfelagið skagastrond\tmunicipality\tis-5\n\
is-str\tstrandabyggð\tmunicipality\tis-4\n\
is-sty\tstykkisholmsbær\tmunicipality\tis-3\n\
is-svg\tsveitarfelagið vogar\tmunicipality\tis-2\n\
is-tal\ttalknafjarðarhreppur\tmunicipality\tis-4\n\
is-thg\tþingeyjarsveit\tmunicipality\tis-6\n\
is-tjo\ttjorneshreppur\tmunicipality\tis-6\n\
is-vem\tvestmannaeyjabær\tmunicipality\tis-8\n\
is-ver\tvesturbyggð\tmunicipality\tis-4\n\
is-vop\tvopnafjarðarhreppur\tmunicipality\tis-7\n\
it-21\tpiemonte\tregion\t\n\
it-23\tval d'aoste\tautonomous region\t\n\
it-25\tlombardia\tregion\t\n\
it-32\ttrentino-alto adige\tautonomous region\t\n\
it-34\tveneto\tregion\t\n\
it-36\tfriuli venezia giulia\tautonomous region\t\n\
it-42\tliguria\tregion\t\n\
it-45\temilia-romagna\tregion\t\n\
it-52\ttoscana\tregion\t\n\
it-55\tumbria\tregion\t\n\
it-57\tmarche\tregion\t\n\
it-62\tlazio\tregion\t\n\
it-65\tabruzzo\tregion\t\n\
it-67\tmolise\tregion\t\n\
it-72\tcampania\tregion\t\n\
it-75\tpuglia\tregion\t\n\
it-77\tbasilicata\tregion\t\n\
it-78\tcalabria\tregion\t\n\
it-82\tsicilia\tautonomous region\t\n\
it-88\tsardegna\tautonomous region\t\n\
it-ag\tagrigento\tfree municipal consortium\tit-82\n\
it-al\talessandria\tprovince\tit-21\n\
it-an\tancona\tprovince\tit-57\n\
it-ap\tascoli piceno\tprovince\tit-57\n\
it-aq\tl'aquila\tprovince\tit-65\n\
it-ar\tarezzo\tprovince\tit-52\n\
it-at\tasti\tprovince\tit-21\n\
it-av\tavellino\tprovince\tit-72\n\
it-ba\tbari\tmetropolitan city\tit-75\n\
it-bg\tbergamo\tprovince\tit-25\n\
it-bi\tbiella\tprovince\tit-21\n\
it-bl\tbelluno\tprovince\tit-34\n\
it-bn\tbenevento\tprovince\tit-72\n\
it-bo\tbologna\tmetropolitan city\tit-45\n\
it-br\tbrindisi\tprovince\tit-75\n\
it-bs\tbrescia\tprovince\tit-25\n\
it-bt\tbarletta-andria-trani\tprovince\tit-75\n\
it-bz\tbolzano\tautonomous province\tit-32\n\
it-ca\tcagliari\tmetropolitan city\tit-88\n\
it-cb\tcampobasso\tprovince\tit-67\n\
it-ce\tcaserta\tprovince\tit-72\n\
it-ch\tchieti\tprovince\tit-65\n\
it-cl\tcaltanissetta\tfree municipal consortium\tit-82\n\
it-cn\tcuneo\tprovince\tit-21\n\
it-co\tcomo\tprovince\tit-25\n\
it-cr\tcremona\tprovince\tit-25\n\
it-cs\tcosenza\tprovince\tit-78\n\
it-ct\tcatania\tmetropolitan city\tit-82\n\
it-cz\tcatanzaro\tprovince\tit-78\n\
it-en\tenna\tfree municipal consortium\tit-82\n\
it-fc\tforli-cesena\tprovince\tit-45\n\
it-fe\tferrara\tprovince\tit-45\n\
it-fg\tfoggia\tprovince\tit-75\n\
it-fi\tfirenze\tmetropolitan city\tit-52\n\
it-fm\tfermo\tprovince\tit-57\n\
it-fr\tfrosinone\tprovince\tit-62\n\
it-ge\tgenova\tmetropolitan city\tit-42\n\
it-go\tgorizia\tdecentralized regional entity\tit-36\n\
it-gr\tgrosseto\tprovince\tit-52\n\
it-im\timperia\tprovince\tit-42\n\
it-is\tisernia\tprovince\tit-67\n\
it-kr\tcrotone\tprovince\tit-78\n\
it-lc\tlecco\tprovince\tit-25\n\
it-le\tlecce\tprovince\tit-75\n\
it-li\tlivorno\tprovince\tit-52\n\
it-lo\tlodi\tprovince\tit-25\n\
it-lt\tlatina\tprovince\tit-62\n\
it-lu\tlucca\tprovince\tit-52\n\
it-mb\tmonza e brianza\tprovince\tit-25\n\
it-mc\tmacerata\tprovince\tit-57\n\
it-me\tmessina\tmetropolitan city\tit-82\n\
it-mi\tmilano\tmetropolitan city\tit-25\n\
it-mn\tmantova\tprovince\tit-25\n\
it-mo\tmodena\tprovince\tit-45\n\
it-ms\tmassa-carrara\tprovince\tit-52\n\
it-mt\tmatera\tprovince\tit-77\n\
it-na\tnapoli\tmetropolitan city\tit-72\n\
it-no\tnovara\tprovince\tit-21\n\
it-nu\tnuoro\tprovince\tit-88\n\
it-or\toristano\tprovince\tit-88\n\
it-pa\tpalermo\tmetropolitan city\tit-82\n\
it-pc\tpiacenza\tprovince\tit-45\n\
it-pd\tpadova\tprovince\tit-34\n\
it-pe\tpescara\tprovince\tit-65\n\
it-pg\tperugia\tprovince\tit-55\n\
it-pi\tpisa\tprovince\tit-52\n\
it-pn\tpordenone\tdecentralized regional entity\tit-36\n\
it-po\tprato\tprovince\tit-52\n\
it-pr\tparma\tprovince\tit-45\n\
it-pt\tpistoia\tprovince\tit-52\n\
it-pu\tpesaro e urbino\tprovince\tit-57\n\
it-pv\tpavia\tprovince\tit-25\n\
it-pz\tpotenza\tprovince\tit-77\n\
it-ra\travenna\tprovince\tit-45\n\
it-rc\treggio calabria\tmetropolitan city\tit-78\n\
it-re\treggio emilia\tprovince\tit-45\n\
it-rg\tragusa\tfree municipal consortium\tit-82\n\
it-ri\trieti\tprovince\tit-62\n\
it-rm\troma\tmetropolitan city\tit-62\n\
it-rn\trimini\tprovince\tit-45\n\
it-ro\trovigo\tprovince\tit-34\n\
it-sa\tsalerno\tprovince\tit-72\n\
it-si\tsiena\tprovince\tit-52\n\
it-so\tsondrio\tprovince\tit-25\n\
it-sp\tla spezia\tprovince\tit-42\n\
it-sr\tsiracusa\tfree municipal consortium\tit-82\n\
it-ss\tsassari\tprovince\tit-88\n\
it-su\tsud sardegna\tprovince\tit-88\n\
it-sv\tsavona\tprovince\tit-42\n\
it-ta\ttaranto\tprovince\tit-75\n\
it-te\tteramo\tprovince\tit-65\n\
it-tn\ttrento\tautonomous province\tit-32\n\
it-to\ttorino\tmetropolitan city\tit-21\n\
it-tp\ttrapani\tfree municipal consortium\tit-82\n\
it-tr\tterni\tprovince\tit-55\n\
it-ts\ttrieste\tdecentralized regional entity\tit-36\n\
it-tv\ttreviso\tprovince\tit-34\n\
it-ud\tudine\tdecentralized regional entity\tit-36\n\
it-va\tvarese\tprovince\tit-25\n\
it-vb\tverbano-cusio-ossola\tprovince\tit-21\n\
it-vc\tvercelli\tprovince\tit-21\n\
it-ve\tvenezia\tmetropolitan city\tit-34\n\
it-vi\tvicenza\tprovince\tit-34\n\
it-vr\tverona\tprovince\tit-34\n\
it-vt\tviterbo\tprovince\tit-62\n\
it-vv\tvibo valentia\tprovince\tit-78\n\
jm-01\tkingston\tparish\t\n\
jm-02\tsaint andrew\tparish\t\n\
jm-03\tsaint thomas\tparish\t\n\
jm-04\tportland\tparish\t\n\
jm-05\tsaint mary\tparish\t\n\
jm-06\tsaint ann\tparish\t\n\
jm-07\ttrelawny\tparish\t\n\
jm-08\tsaint james\tparish\t\n\
jm-09\thanover\tparish\t\n\
jm-10\twestmoreland\tparish\t\n\
jm-11\tsaint elizabeth\tparish\t\n\
jm-12\tmanchester\tparish\t\n\
jm-13\tclarendon\tparish\t\n\
jm-14\tsaint catherine\tparish\t\n\
jo-aj\t‘ajlun\tgovernorate\t\n\
jo-am\tal ‘asimah\tgovernorate\t\n\
jo-aq\tal ‘aqabah\tgovernorate\t\n\
jo-at\tat tafilah\tgovernorate\t\n\
jo-az\taz zarqa’\tgovernorate\t\n\
jo-ba\tal balqa’\tgovernorate\t\n\
jo-ir\tirbid\tgovernorate\t\n\
jo-ja\tjarash\tgovernorate\t\n\
jo-ka\tal karak\tgovernorate\t\n\
jo-ma\tal mafraq\tgovernorate\t\n\
jo-md\tmadaba\tgovernorate\t\n\
jo-mn\tma‘an\tgovernorate\t\n\
jp-01\thokkaido\tprefecture\t\n\
jp-02\taomori\tprefecture\t\n\
jp-03\tiwate\tprefecture\t\n\
jp-04\tmiyagi\tprefecture\t\n\
jp-05\takita\tprefecture\t\n\
jp-06\tyamagata\tprefecture\t\n\
jp-07\tfukushima\tprefecture\t\n\
jp-08\tibaraki\tprefecture\t\n\
jp-09\ttochigi\tprefecture\t\n\
jp-10\tgunma\tprefecture\t\n\
jp-11\tsaitama\tprefecture\t\n\
jp-12\tchiba\tprefecture\t\n\
jp-13\ttokyo\tprefecture\t\n\
jp-14\tkanagawa\tprefecture\t\n\
jp-15\tniigata\tprefecture\t\n\
jp-16\ttoyama\tprefecture\t\n\
jp-17\tishikawa\tprefecture\t\n\
jp-18\tfukui\tprefecture\t\n\
jp-19\tyamanashi\tprefecture\t\n\
jp-20\tnagano\tprefecture\t\n\
jp-21\tgifu\tprefecture\t\n\
jp-22\tshizuoka\tprefecture\t\n\
jp-23\taichi\tprefecture\t\n\
jp-24\tmie\tprefecture\t\n\
jp-25\tshiga\tprefecture\t\n\
jp-26\tkyoto\tprefecture\t\n\
jp-27\tosaka\tprefecture\t\n\
jp-28\thyogo\tprefecture\t\n\
jp-29\tnara\tprefecture\t\n\
jp-30\twakayama\tprefecture\t\n\
jp-31\ttottori\tprefecture\t\n\
jp-32\tshimane\tprefecture\t\n\
jp-33\tokayama\tprefecture\t\n\
jp-34\thiroshima\tprefecture\t\n\
jp-35\tyamaguchi\tprefecture\t\n\
jp-36\ttokushima\tprefecture\t\n\
jp-37\tkagawa\tprefecture\t\n\
jp-38\tehime\tprefecture\t\n\
jp-39\tkochi\tprefecture\t\n\
jp-40\tfukuoka\tprefecture\t\n\
jp-41\tsaga\tprefecture\t\n\
jp-42\tnagasaki\tprefecture\t\n\
jp-43\tkumamoto\tprefecture\t\n\
jp-44\toita\tprefecture\t\n\
jp-45\tmiyazaki\tprefecture\t\n\
jp-46\tkagoshima\tprefecture\t\n\
jp-47\tokinawa\tprefecture\t\n\
ke-01\tbaringo\tcounty\t\n\
ke-02\tbomet\tcounty\t\n\
ke-03\tbungoma\tcounty\t\n\
ke-04\tbusia\tcounty\t\n\
ke-05\telgeyo/marakwet\tcounty\t\n\
ke-06\tembu\tcounty\t\n\
ke-07\tgarissa\tcounty\t\n\
ke-08\thoma bay\tcounty\t\n\
ke-09\tisiolo\tcounty\t\n\
ke-10\tkajiado\tcounty\t\n\
ke-11\tkakamega\tcounty\t\n\
ke-12\tkericho\tcounty\t\n\
ke-13\tkiambu\tcounty\t\n\
ke-14\tkilifi\tcounty\t\n\
ke-15\tkirinyaga\tcounty\t\n\
ke-16\tkisii\tcounty\t\n\
ke-17\tkisumu\tcounty\t\n\
ke-18\tkitui\tcounty\t\n\
ke-19\tkwale\tcounty\t\n\
ke-20\tlaikipia\tcounty\t\n\
ke-21\tlamu\tcounty\t\n\
ke-22\tmachakos\tcounty\t\n\
ke-23\tmakueni\tcounty\t\n\
ke-24\tmandera\tcounty\t\n\
ke-25\tmarsabit\tcounty\t\n\
ke-26\tmeru\tcounty\t\n\
ke-27\tmigori\tcounty\t\n\
ke-28\tmombasa\tcounty\t\n\
ke-29\tmurang'a\tcounty\t\n\
ke-30\tnairobi city\tcounty\t\n\
ke-31\tnakuru\tcounty\t\n\
ke-32\tnandi\tcounty\t\n\
ke-33\tnarok\tcounty\t\n\
ke-34\tnyamira\tcounty\t\n\
ke-35\tnyandarua\tcounty\t\n\
ke-36\tnyeri\tcounty\t\n\
ke-37\tsamburu\tcounty\t\n\
ke-38\tsiaya\tcounty\t\n\
ke-39\ttaita/taveta\tcounty\t\n\
ke-40\ttana river\tcounty\t\n\
ke-41\ttharaka-nithi\tcounty\t\n\
ke-42\ttrans nzoia\tcounty\t\n\
ke-43\tturkana\tcounty\t\n\
ke-44\tuasin gishu\tcounty\t\n\
ke-45\tvihiga\tcounty\t\n\
ke-46\twajir\tcounty\t\n\
ke-47\twest pokot\tcounty\t\n\
kg-b\tbatken\tregion\t\n\
kg-c\tchuyskaya oblast'\tregion\t\n\
kg-gb\tbishkek shaary\tcity\t\n\
kg-go\tgorod osh\tcity\t\n\
kg-j\tdzhalal-abadskaya oblast'\tregion\t\n\
kg-n\tnaryn\tregion\t\n\
kg-o\tosh\tregion\t\n\
kg-t\ttalas\tregion\t\n\
kg-y\tissyk-kul'skaja oblast'\tregion\t\n\
kh-1\tbanteay mean choay\tprovince\t\n\
kh-10\tkracheh\tprovince\t\n\
kh-11\tmondol kiri\tprovince\t\n\
kh-12\tphnom penh\tautonomous municipality\t\n\
kh-13\tpreah vihear\tprovince\t\n\
kh-14\tprey veaeng\tprovince\t\n\
kh-15\tpousaat\tprovince\t\n\
kh-16\trotanak kiri\tprovince\t\n\
kh-17\tsiem reab\tprovince\t\n\
kh-18\tpreah sihanouk\tprovince\t\n\
kh-19\tstoeng treng\tprovince\t\n\
kh-2\tbaat dambang\tprovince\t\n\
kh-20\tsvaay rieng\tprovince\t\n\
kh-21\ttaakaev\tprovince\t\n\
kh-22\totdar mean chey\tprovince\t\n\
kh-23\tkaeb\tprovince\t\n\
kh-24\tpailin\tprovince\t\n\
kh-25\ttbong khmum\tprovince\t\n\
kh-3\tkampong chaam\tprovince\t\n\
kh-4\tkampong chhnang\tprovince\t\n\
kh-5\tkampong spueu\tprovince\t\n\
kh-6\tkampong thum\tprovince\t\n\
kh-7\tkampot\tprovince\t\n\
kh-8\tkandaal\tprovince\t\n\
kh-9\tkaoh kong\tprovince\t\n\
ki-g\tgilbert islands\tgroup of islands (20 inhabited islands)\t\n\
ki-l\tline islands\tgroup of islands (20 inhabited islands)\t\n\
ki-p\tphoenix islands\tgroup of islands (20 inhabited islands)\t\n\
km-a\tanjouan\tisland\t\n\
km-g\tgrande comore\tisland\t\n\
km-m\tmoheli\tisland\t\n\
kn-01\tchrist church nichola town\tparish\tkn-k\n\
kn-02\tsaint anne sandy point\tparish\tkn-k\n\
kn-03\tsaint george basseterre\tparish\tkn-k\n\
kn-04\tsaint george gingerland\tparish\tkn-n\n\
kn-05\tsaint james windward\tparish\tkn-n\n\
kn-06\tsaint john capisterre\tparish\tkn-k\n\
kn-07\tsaint john figtree\tparish\tkn-n\n\
kn-08\tsaint mary cayon\tparish\tkn-k\n\
kn-09\tsaint paul capisterre\tparish\tkn-k\n\
kn-10\tsaint paul charlestown\tparish\tkn-n\n\
kn-11\tsaint peter basseterre\tparish\tkn-k\n\
kn-12\tsaint thomas lowland\tparish\tkn-n\n\
kn-13\tsaint thomas middle island\tparish\tkn-k\n\
kn-15\ttrinity palmetto point\tparish\tkn-k\n\
kn-k\tsaint kitts\tstate\t\n\
kn-n\tnevis\tstate\t\n\
kp-01\tp'yongyang\tcapital city\t\n\
kp-02\tp'yongan-namdo\tprovince\t\n\
kp-03\tp'yongan-bukto\tprovince\t\n\
kp-04\tchagang-do\tprovince\t\n\
kp-05\thwanghae-namdo\tprovince\t\n\
kp-06\thwanghae-bukto\tprovince\t\n\
kp-07\tkangweonto\tprovince\t\n\
kp-08\thamgyong-namdo\tprovince\t\n\
kp-09\thamgyong-bukto\tprovince\t\n\
kp-10\tryanggang-do\tprovince\t\n\
kp-13\traseon\tspecial city\t\n\
kp-14\tnampho\tmetropolitan city\t\n\
kp-15\tkaeseong\tmetropolitan city\t\n\
kr-11\tseoul-teukbyeolsi\tspecial city\t\n\
kr-26\tbusan-gwangyeoksi\tmetropolitan city\t\n\
kr-27\tdaegu-gwangyeoksi\tmetropolitan city\t\n\
kr-28\tincheon-gwangyeoksi\tmetropolitan city\t\n\
kr-29\tgwangju-gwangyeoksi\tmetropolitan city\t\n\
kr-30\tdaejeon-gwangyeoksi\tmetropolitan city\t\n\
kr-31\tulsan-gwangyeoksi\tmetropolitan city\t\n\
kr-41\tgyeonggi-do\tprovince\t\n\
kr-42\tgangwon-teukbyeoljachido\tspecial self-governing province\t\n\
kr-43\tchungcheongbuk-do\tprovince\t\n\
kr-44\tchungcheongnam-do\tprovince\t\n\
kr-45\tjeollabuk-do\tprovince\t\n\
kr-46\tjeollanam-do\tprovince\t\n\
kr-47\tgyeongsangbuk-do\tprovince\t\n\
kr-48\tgyeongsangnam-do\tprovince\t\n\
kr-49\tjeju-teukbyeoljachido\tspecial self-governing province\t\n\
kr-50\tsejong\tspecial self-governing city\t\n\
kw-ah\tal ahmadi\tgovernorate\t\n\
kw-fa\tal farwaniyah\tgovernorate\t\n\
kw-ha\thawalli\tgovernorate\t\n\
kw-ja\tal jahra’\tgovernorate\t\n\
kw-ku\tal ‘asimah\tgovernorate\t\n\
kw-mu\tmubarak al kabir\tgovernorate\t\n\
kz-10\tabajskaja oblast’\tregion\t\n\
kz-11\takmolinskaja oblast'\tregion\t\n\
kz-15\taktjubinskaja oblast'\tregion\t\n\
kz-19\talmatinskaja oblast'\tregion\t\n\
kz-23\tatyrauskaja oblast'\tregion\t\n\
kz-27\tbatys qazaqstan oblysy\tregion\t\n\
kz-31\tzhambyl oblysy\tregion\t\n\
kz-33\tzhetisu oblysy\tregion\t\n\
kz-35\tkaragandinskaja oblast'\tregion\t\n\
kz-39\tkostanajskaja oblast'\tregion\t\n\
kz-43\tkyzylordinskaja oblast'\tregion\t\n\
kz-47\tmangghystau oblysy\tregion\t\n\
kz-55\tpavlodar oblysy\tregion\t\n\
kz-59\tsevero-kazahstanskaja oblast'\tregion\t\n\
kz-61\tturkestankaya oblast'\tregion\t\n\
kz-62\tulytauskaja oblast’\tregion\t\n\
kz-63\tshyghys qazaqstan oblysy\tregion\t\n\
kz-71\tastana\tcity\t\n\
kz-75\talmaty\tcity\t\n\
kz-79\tshymkent\tcity\t\n\
la-at\tattapu\tprovince\t\n\
la-bk\tbokeo\tprovince\t\n\
la-bl\tbolikhamxai\tprovince\t\n\
la-ch\tchampasak\tprovince\t\n\
la-ho\thouaphan\tprovince\t\n\
la-kh\tkhammouan\tprovince\t\n\
la-lm\tlouang namtha\tprovince\t\n\
la-lp\tlouangphabang\tprovince\t\n\
la-ou\toudomxai\tprovince\t\n\
la-ph\tphongsali\tprovince\t\n\
la-sl\tsalavan\tprovince\t\n\
la-sv\tsavannakhet\tprovince\t\n\
la-vi\tviangchan\tprovince\t\n\
la-vt\tviangchan\tprefecture\t\n\
la-xa\txaignabouli\tprovince\t\n\
la-xe\txekong\tprovince\t\n\
la-xi\txiangkhouang\tprovince\t\n\
la-xs\txaisomboun\tprovince\t\n\
lb-ak\taakkar\tgovernorate\t\n\
lb-as\tash shimal\tgovernorate\t\n\
lb-ba\tbayrut\tgovernorate\t\n\
lb-bh\tbaalbek-hermel\tgovernorate\t\n\
lb-bi\tal biqa‘\tgovernorate\t\n\
lb-ja\tal janub\tgovernorate\t\n\
lb-jl\tjabal lubnan\tgovernorate\t\n\
lb-na\tan nabatiyah\tgovernorate\t\n\
lc-01\tanse la raye\tdistrict\t\n\
lc-02\tcastries\tdistrict\t\n\
lc-03\tchoiseul\tdistrict\t\n\
lc-05\tdennery\tdistrict\t\n\
lc-06\tgros islet\tdistrict\t\n\
lc-07\tlaborie\tdistrict\t\n\
lc-08\tmicoud\tdistrict\t\n\
lc-10\tsoufriere\tdistrict\t\n\
lc-11\tvieux fort\tdistrict\t\n\
lc-12\tcanaries\tdistrict\t\n\
li-01\tbalzers\tcommune\t\n\
li-02\teschen\tcommune\t\n\
li-03\tgamprin\tcommune\t\n\
li-04\tmauren\tcommune\t\n\
li-05\tplanken\tcommune\t\n\
li-06\truggell\tcommune\t\n\
li-07\tschaan\tcommune\t\n\
li-08\tschellenberg\tcommune\t\n\
li-09\ttriesen\tcommune\t\n\
li-10\ttriesenberg\tcommune\t\n\
li-11\tvaduz\tcommune\t\n\
lk-1\twestern province\tprovince\t\n\
lk-11\tcolombo\tdistrict\tlk-1\n\
lk-12\tgampaha\tdistrict\tlk-1\n\
lk-13\tkalutara\tdistrict\tlk-1\n\
lk-2\tcentral province\tprovince\t\n\
lk-21\tkandy\tdistrict\tlk-2\n\
lk-22\tmatale\tdistrict\tlk-2\n\
lk-23\tnuwara eliya\tdistrict\tlk-2\n\
lk-3\tsouthern province\tprovince\t\n\
lk-31\tgalle\tdistrict\tlk-3\n\
lk-32\tmatara\tdistrict\tlk-3\n\
lk-33\thambantota\tdistrict\tlk-3\n\
lk-4\tnorthern province\tprovince\t\n\
lk-41\tjaffna\tdistrict\tlk-4\n\
lk-42\tkilinochchi\tdistrict\tlk-4\n\
lk-43\tmannar\tdistrict\tlk-4\n\
lk-44\tvavuniya\tdistrict\tlk-4\n\
lk-45\tmullaittivu\tdistrict\tlk-4\n\
lk-5\teastern province\tprovince\t\n\
lk-51\tbatticaloa\tdistrict\tlk-5\n\
lk-52\tampara\tdistrict\tlk-5\n\
lk-53\ttrincomalee\tdistrict\tlk-5\n\
lk-6\tnorth western province\tprovince\t\n\
lk-61\tkurunegala\tdistrict\tlk-6\n\
lk-62\tputtalam\tdistrict\tlk-6\n\
lk-7\tnorth central province\tprovince\t\n\
lk-71\tanuradhapura\tdistrict\tlk-7\n\
lk-72\tpolonnaruwa\tdistrict\tlk-7\n\
lk-8\tuva province\tprovince\t\n\
lk-81\tbadulla\tdistrict\tlk-8\n\
lk-82\tmonaragala\tdistrict\tlk-8\n\
lk-9\tsabaragamuwa province\tprovince\t\n\
lk-91\tratnapura\tdistrict\tlk-9\n\
lk-92\tkegalla\tdistrict\tlk-9\n\
lr-bg\tbong\tcounty\t\n\
lr-bm\tbomi\tcounty\t\n\
lr-cm\tgrand cape mount\tcounty\t\n\
lr-gb\tgrand bassa\tcounty\t\n\
lr-gg\tgrand gedeh\tcounty\t\n\
lr-gk\tgrand kru\tcounty\t\n\
lr-gp\tgbarpolu\tcounty\t\n\
lr-lo\tlofa\tcounty\t\n\
lr-mg\tmargibi\tcounty\t\n\
lr-mo\tmontserrado\tcounty\t\n\
lr-my\tmaryland\tcounty\t\n\
lr-ni\tnimba\tcounty\t\n\
lr-rg\triver gee\tcounty\t\n\
lr-ri\triver cess\tcounty\t\n\
lr-si\tsinoe\tcounty\t\n\
ls-a\tmaseru\tdistrict\t\n\
ls-b\tbotha-bothe\tdistrict\t\n\
ls-c\tleribe\tdistrict\t\n\
ls-d\tberea\tdistrict\t\n\
ls-e\tmafeteng\tdistrict\t\n\
ls-f\tmohale's hoek\tdistrict\t\n\
ls-g\tquthing\tdistrict\t\n\
ls-h\tqacha's nek\tdistrict\t\n\
ls-j\tmokhotlong\tdistrict\t\n\
ls-k\tthaba-tseka\tdistrict\t\n\
lt-01\takmene\tdistrict municipality\tlt-sa\n\
lt-02\talytaus miestas\tcity municipality\tlt-al\n\
lt-03\talytus\tdistrict municipality\tlt-al\n\
lt-04\tanyksciai\tdistrict municipality\tlt-ut\n\
lt-05\tbirstonas\tmunicipality\tlt-ku\n\
lt-06\tbirzai\tdistrict municipality\tlt-pn\n\
lt-07\tdruskininkai\tmunicipality\tlt-al\n\
lt-08\telektrenai\tmunicipality\tlt-vl\n\
lt-09\tignalina\tdistrict municipality\tlt-ut\n\
lt-10\tjonava\tdistrict municipality\tlt-ku\n\
lt-11\tjoniskis\tdistrict municipality\tlt-sa\n\
lt-12\tjurbarkas\tdistrict municipality\tlt-ta\n\
lt-13\tkaisiadorys\tdistrict municipality\tlt-ku\n\
lt-14\tkalvarija\tmunicipality\tlt-mr\n\
lt-15\tkauno miestas\tcity municipality\tlt-ku\n\
lt-16\tkaunas\tdistrict municipality\tlt-ku\n\
lt-17\tkazlu rudos\tmunicipality\tlt-mr\n\
lt-18\tkedainiai\tdistrict municipality\tlt-ku\n\
lt-19\tkelme\tdistrict municipality\tlt-sa\n\
lt-20\tklaipedos miestas\tcity municipality\tlt-kl\n\
lt-21\tklaipeda\tdistrict municipality\tlt-kl\n\
lt-22\tkretinga\tdistrict municipality\tlt-kl\n\
lt-23\tkupiskis\tdistrict municipality\tlt-pn\n\
lt-24\tlazdijai\tdistrict municipality\tlt-al\n\
lt-25\tmarijampole\tdistrict municipality\tlt-mr\n\
lt-26\tmazeikiai\tdistrict municipality\tlt-te\n\
lt-27\tmoletai\tdistrict municipality\tlt-ut\n\
lt-28\tneringa\tmunicipality\tlt-kl\n\
lt-29\tpagegiai\tmunicipality\tlt-ta\n\
lt-30\tpakruojis\tdistrict municipality\tlt-sa\n\
lt-31\tpalangos miestas\tcity municipality\tlt-kl\n\
lt-32\tpanevezio miestas\tcity municipality\tlt-pn\n\
lt-33\tpanevezys\tdistrict municipality\tlt-pn\n\
lt-34\tpasvalys\tdistrict municipality\tlt-pn\n\
lt-35\tplunge\tdistrict municipality\tlt-te\n\
lt-36\tprienai\tdistrict municipality\tlt-ku\n\
lt-37\tradviliskis\tdistrict municipality\tlt-sa\n\
lt-38\traseiniai\tdistrict municipality\tlt-ku\n\
lt-39\trietavas\tmunicipality\tlt-te\n\
lt-40\trokiskis\tdistrict municipality\tlt-pn\n\
lt-41\tsakiai\tdistrict municipality\tlt-mr\n\
lt-42\tsalcininkai\tdistrict municipality\tlt-vl\n\
lt-43\tsiauliu miestas\tcity municipality\tlt-sa\n\
lt-44\tsiauliai\tdistrict municipality\tlt-sa\n\
lt-45\tsilale\tdistrict municipality\tlt-ta\n\
lt-46\tsilute\tdistrict municipality\tlt-kl\n\
lt-47\tsirvintos\tdistrict municipality\tlt-vl\n\
lt-48\tskuodas\tdistrict municipality\tlt-kl\n\
lt-49\tsvencionys\tdistrict municipality\tlt-vl\n\
lt-50\ttaurage\tdistrict municipality\tlt-ta\n\
lt-51\ttelsiai\tdistrict municipality\tlt-te\n\
lt-52\ttrakai\tdistrict municipality\tlt-vl\n\
lt-53\tukmerge\tdistrict municipality\tlt-vl\n\
lt-54\tutena\tdistrict municipality\tlt-ut\n\
lt-55\tvarena\tdistrict municipality\tlt-al\n\
lt-56\tvilkaviskis\tdistrict municipality\tlt-mr\n\
lt-57\tvilniaus miestas\tcity municipality\tlt-vl\n\
lt-58\tvilnius\tdistrict municipality\tlt-vl\n\
lt-59\tvisaginas\tmunicipality\tlt-ut\n\
lt-60\tzarasai\tdistrict municipality\tlt-ut\n\
lt-al\talytaus apskritis\tcounty\t\n\
lt-kl\tklaipedos apskritis\tcounty\t\n\
lt-ku\tkauno apskritis\tcounty\t\n\
lt-mr\tmarijampoles apskritis\tcounty\t\n\
lt-pn\tpanevezio apskritis\tcounty\t\n\
lt-sa\tsiauliu apskritis\tcounty\t\n\
lt-ta\ttaurages apskritis\tcounty\t\n\
lt-te\ttelsiu apskritis\tcounty\t\n\
lt-ut\tutenos apskritis\tcounty\t\n\
lt-vl\tvilniaus apskritis\tcounty\t\n\
lu-ca\tcapellen\tcanton\t\n\
lu-cl\tclervaux\tcanton\t\n\
lu-di\tdiekirch\tcanton\t\n\
lu-ec\techternach\tcanton\t\n\
lu-es\tesch-sur-alzette\tcanton\t\n\
lu-gr\tgrevenmacher\tcanton\t\n\
lu-lu\tluxembourg\tcanton\t\n\
lu-me\tmersch\tcanton\t\n\
lu-rd\tredange\tcanton\t\n\
lu-rm\tremich\tcanton\t\n\
lu-vd\tvianden\tcanton\t\n\
lu-wi\twiltz\tcanton\t\n\
lv-002\taizkraukles novads\tmunicipality\t\n\
lv-007\taluksnes novads\tmunicipality\t\n\
lv-011\tadazu novads\tmunicipality\t\n\
lv-015\tbalvu novads\tmunicipality\t\n\
lv-016\tbauskas novads\tmunicipality\t\n\
lv-022\tcesu novads\tmunicipality\t\n\
lv-026\tdobeles novads\tmunicipality\t\n\
lv-033\tgulbenes novads\tmunicipality\t\n\
lv-041\tjelgavas novads\tmunicipality\t\n\
lv-042\tjekabpils novads\tmunicipality\t\n\
lv-047\tkraslavas novads\tmunicipality\t\n\
lv-050\tkuldigas novads\tmunicipality\t\n\
lv-052\tkekavas novads\tmunicipality\t\n\
lv-054\tlimbazu novads\tmunicipality\t\n\
lv-056\tlivanu novads\tmunicipality\t\n\
lv-058\tludzas novads\tmunicipality\t\n\
lv-059\tmadonas novads\tmunicipality\t\n\
lv-062\tmarupes novads\tmunicipality\t\n\
lv-067\togres novads\tmunicipality\t\n\
lv-068\tolaines novads\tmunicipality\t\n\
lv-073\tpreilu novads\tmunicipality\t\n\
lv-077\trezeknes novads\tmunicipality\t\n\
lv-080\tropazu novads\tmunicipality\t\n\
lv-087\tsalaspils novads\tmunicipality\t\n\
lv-088\tsaldus novads\tmunicipality\t\n\
lv-089\tsaulkrastu novads\tmunicipality\t\n\
lv-091\tsiguldas novads\tmunicipality\t\n\
lv-094\tsmiltenes novads\tmunicipality\t\n\
lv-097\ttalsu novads\tmunicipality\t\n\
lv-099\ttukuma novads\tmunicipality\t\n\
lv-101\tvalkas novads\tmunicipality\t\n\
lv-102\tvaraklanu novads\tmunicipality\t\n\
lv-106\tventspils novads\tmunicipality\t\n\
lv-111\taugsdaugavas novads\tmunicipality\t\n\
lv-112\tdienvidkurzemes novads\tmunicipality\t\n\
lv-113\tvalmieras novads\tmunicipality\t\n\
lv-dgv\tdaugavpils\tstate city\t\n\
lv-jel\tjelgava\tstate city\t\n\
lv-jur\tjurmala\tstate city\t\n\
lv-lpx\tliepaja\tstate city\t\n\
lv-rez\trezekne\tstate city\t\n\
lv-rix\triga\tstate city\t\n\
lv-ven\tventspils\tstate city\t\n\
ly-ba\tbanghazi\tpopularate\t\n\
ly-bu\tal butnan\tpopularate\t\n\
ly-dr\tdarnah\tpopularate\t\n\
ly-gt\tghat\tpopularate\t\n\
ly-ja\tal jabal al akhdar\tpopularate\t\n\
ly-jg\tal jabal al gharbi\tpopularate\t\n\
ly-ji\tal jafarah\tpopularate\t\n\
ly-ju\tal jufrah\tpopularate\t\n\
ly-kf\tal kufrah\tpopularate\t\n\
ly-mb\tal marqab\tpopularate\t\n\
ly-mi\tmisratah\tpopularate\t\n\
ly-mj\tal marj\tpopularate\t\n\
ly-mq\tmurzuq\tpopularate\t\n\
ly-nl\tnalut\tpopularate\t\n\
ly-nq\tan nuqat al khams\tpopularate\t\n\
ly-sb\tsabha\tpopularate\t\n\
ly-sr\tsurt\tpopularate\t\n\
ly-tb\ttarabulus\tpopularate\t\n\
ly-wa\tal wahat\tpopularate\t\n\
ly-wd\twadi al hayat\tpopularate\t\n\
ly-ws\twadi ash shati’\tpopularate\t\n\
ly-za\taz zawiyah\tpopularate\t\n\
ma-01\ttanger-tetouan-al hoceima\tregion\t\n\
ma-02\tl'oriental\tregion\t\n\
ma-03\tfes-meknes\tregion\t\n\
ma-04\trabat-sale-kenitra\tregion\t\n\
ma-05\tbeni mellal-khenifra\tregion\t\n\
ma-06\tcasablanca-settat\tregion\t\n\
ma-07\tmarrakech-safi\tregion\t\n\
ma-08\tdraa-tafilalet\tregion\t\n\
ma-09\tsouss-massa\tregion\t\n\
ma-10\tguelmim-oued noun (eh-partial)\tregion\t\n\
ma-11\tlaayoune-sakia el hamra (eh-partial)\tregion\t\n\
ma-12\tdakhla-oued ed-dahab (eh)\tregion\t\n\
ma-agd\tagadir-ida-ou-tanane\tprefecture\tma-09\n\
ma-aou\taousserd (eh)\tprovince\tma-12\n\
ma-asz\tassa-zag (eh-partial)\tprovince\tma-10\n\
ma-azi\tazilal\tprovince\tma-05\n\
ma-bem\tbeni mellal\tprovince\tma-05\n\
ma-ber\tberkane\tprovince\tma-02\n\
ma-bes\tbenslimane\tprovince\tma-06\n\
ma-bod\tboujdour (eh)\tprovince\tma-11\n\
ma-bom\tboulemane\tprovince\tma-03\n\
ma-brr\tberrechid\tprovince\tma-06\n\
ma-cas\tcasablanca\tprefecture\tma-06\n\
ma-che\tchefchaouen\tprovince\tma-01\n\
ma-chi\tchichaoua\tprovince\tma-07\n\
ma-cht\tchtouka-ait baha\tprovince\tma-06\n\
ma-dri\tdriouch\tprovince\tma-02\n\
ma-err\terrachidia\tprovince\tma-08\n\
ma-esi\tessaouira\tprovince\tma-07\n\
ma-esm\tes-semara (eh-partial)\tprovince\tma-11\n\
ma-fah\tfahs-anjra\tprovince\tma-01\n\
ma-fes\tfes\tprefecture\tma-03\n\
ma-fig\tfiguig\tprovince\tma-02\n\
ma-fqh\tfquih ben salah\tprovince\tma-05\n\
ma-gue\tguelmim\tprovince\tma-10\n\
ma-guf\tguercif\tprovince\tma-02\n\
ma-haj\tel hajeb\tprovince\tma-03\n\
ma-hao\tal haouz\tprovince\tma-07\n\
ma-hoc\tal hoceima\tprovince\tma-01\n\
ma-ifr\tifrane\tprovince\tma-03\n\
ma-ine\tinezgane-ait melloul\tprefecture\tma-09\n\
ma-jdi\tel jadida\tprovince\tma-06\n\
ma-jra\tjerada\tprovince\tma-02\n\
ma-ken\tkenitra\tprovince\tma-04\n\
ma-kes\tel kelaa des sraghna\tprovince\tma-07\n\
ma-khe\tkhemisset\tprovince\tma-04\n\
ma-khn\tkhenifra\tprovince\tma-05\n\
ma-kho\tkhouribga\tprovince\tma-05\n\
ma-laa\tlaayoune (eh)\tprovince\tma-11\n\
ma-lar\tlarache\tprovince\tma-01\n\
ma-mar\tmarrakech\tprefecture\tma-07\n\
ma-mdf\tm’diq-fnideq\tprefecture\tma-01\n\
ma-med\tmediouna\tprovince\tma-06\n\
ma-mek\tmeknes\tprefecture\tma-03\n\
ma-mid\tmidelt\tprovince\tma-08\n\
ma-moh\tmohammadia\tprefecture\tma-06\n\
ma-mou\tmoulay yacoub\tprovince\tma-03\n\
ma-nad\tnador\tprovince\tma-02\n\
ma-nou\tnouaceur\tprovince\tma-04\n\
ma-oua\touarzazate\tprovince\tma-08\n\
ma-oud\toued ed-dahab (eh)\tprovince\tma-12\n\
ma-ouj\toujda-angad\tprefecture\tma-02\n\
ma-ouz\touezzane\tprovince\tma-01\n\
ma-rab\trabat\tprefecture\tma-04\n\
ma-reh\trehamna\tprovince\tma-07\n\
ma-saf\tsafi\tprovince\tma-07\n\
ma-sal\tsale\tprefecture\tma-04\n\
ma-sef\tsefrou\tprovince\tma-03\n\
ma-set\tsettat\tprovince\tma-06\n\
ma-sib\tsidi bennour\tprovince\tma-06\n\
ma-sif\tsidi ifni\tprovince\tma-10\n\
ma-sik\tsidi kacem\tprovince\tma-04\n\
ma-sil\tsidi slimane\tprovince\tma-04\n\
ma-skh\tskhirate-temara\tprefecture\tma-04\n\
ma-taf\ttarfaya (eh-partial)\tprovince\tma-11\n\
ma-tai\ttaourirt\tprovince\tma-02\n\
ma-tao\ttaounate\tprovince\tma-03\n\
ma-tar\ttaroudannt\tprovince\tma-09\n\
ma-tat\ttata\tprovince\tma-09\n\
ma-taz\ttaza\tprovince\tma-03\n\
ma-tet\ttetouan\tprovince\tma-01\n\
ma-tin\ttinghir\tprovince\tma-08\n\
ma-tiz\ttiznit\tprovince\tma-09\n\
ma-tng\ttanger-assilah\tprefecture\tma-01\n\
ma-tnt\ttan-tan (eh-partial)\tprovince\tma-10\n\
ma-yus\tyoussoufia\tprovince\tma-07\n\
ma-zag\tzagora\tprovince\tma-08\n\
mc-cl\tla colle\tquarter\t\n\
mc-co\tla condamine\tquarter\t\n\
mc-fo\tfontvieille\tquarter\t\n\
mc-ga\tla gare\tquarter\t\n\
mc-je\tjardin exotique\tquarter\t\n\
mc-la\tlarvotto\tquarter\t\n\
mc-ma\tmalbousquet\tquarter\t\n\
mc-mc\tmonte-carlo\tquarter\t\n\
mc-mg\tmoneghetti\tquarter\t\n\
mc-mo\tmonaco-ville\tquarter\t\n\
mc-mu\tmoulins\tquarter\t\n\
mc-ph\tport-hercule\tquarter\t\n\
mc-sd\tsainte-devote\tquarter\t\n\
mc-so\tla source\tquarter\t\n\
mc-sp\tspelugues\tquarter\t\n\
mc-sr\tsaint-roman\tquarter\t\n\
mc-vr\tvallon de la rousse\tquarter\t\n\
md-an\tanenii noi\tdistrict\t\n\
md-ba\tbalti\tcity\t\n\
md-bd\tbender [tighina]\tcity\t\n\
md-br\tbriceni\tdistrict\t\n\
md-bs\tbasarabeasca\tdistrict\t\n\
md-ca\tcahul\tdistrict\t\n\
md-cl\tcalarasi\tdistrict\t\n\
md-cm\tcimislia\tdistrict\t\n\
md-cr\tcriuleni\tdistrict\t\n\
md-cs\tcauseni\tdistrict\t\n\
md-ct\tcantemir\tdistrict\t\n\
md-cu\tchisinau\tcity\t\n\
md-do\tdonduseni\tdistrict\t\n\
md-dr\tdrochia\tdistrict\t\n\
md-du\tdubasari\tdistrict\t\n\
md-ed\tedinet\tdistrict\t\n\
md-fa\tfalesti\tdistrict\t\n\
md-fl\tfloresti\tdistrict\t\n\
md-ga\tgagauzia, unitatea teritoriala autonoma (utag)\tautonomous territorial unit\t\n\
md-gl\tglodeni\tdistrict\t\n\
md-hi\thincesti\tdistrict\t\n\
md-ia\tialoveni\tdistrict\t\n\
md-le\tleova\tdistrict\t\n\
md-ni\tnisporeni\tdistrict\t\n\
md-oc\tocnita\tdistrict\t\n\
md-or\torhei\tdistrict\t\n\
md-re\trezina\tdistrict\t\n\
md-ri\triscani\tdistrict\t\n\
md-sd\tsoldanesti\tdistrict\t\n\
md-si\tsingerei\tdistrict\t\n\
md-sn\tstinga nistrului, unitatea teritoriala din\tterritorial unit\t\n\
md-so\tsoroca\tdistrict\t\n\
md-st\tstraseni\tdistrict\t\n\
md-sv\tstefan voda\tdistrict\t\n\
md-ta\ttaraclia\tdistrict\t\n\
md-te\ttelenesti\tdistrict\t\n\
md-un\tungheni\tdistrict\t\n\
me-01\tandrijevica\tmunicipality\t\n\
me-02\tbar\tmunicipality\t\n\
me-03\tberane\tmunicipality\t\n\
me-04\tbijelo polje\tmunicipality\t\n\
me-05\tbudva\tmunicipality\t\n\
me-06\tcetinje\tmunicipality\t\n\
me-07\tdanilovgrad\tmunicipality\t\n\
me-08\therceg-novi\tmunicipality\t\n\
me-09\tkolasin\tmunicipality\t\n\
me-10\tkotor\tmunicipality\t\n\
me-11\tmojkovac\tmunicipality\t\n\
me-12\tniksic\tmunicipality\t\n\
me-13\tplav\tmunicipality\t\n\
me-14\tpljevlja\tmunicipality\t\n\
me-15\tpluzine\tmunicipality\t\n\
me-16\tpodgorica\tmunicipality\t\n\
me-17\trozaje\tmunicipality\t\n\
me-18\tsavnik\tmunicipality\t\n\
me-19\ttivat\tmunicipality\t\n\
me-20\tulcinj\tmunicipality\t\n\
me-21\tzabljak\tmunicipality\t\n\
me-22\tgusinje\tmunicipality\t\n\
me-23\tpetnjica\tmunicipality\t\n\
me-24\ttuzi\tmunicipality\t\n\
me-25\tzeta\tmunicipality\t\n\
mg-a\ttoamasina\tprovince\t\n\
mg-d\tantsiranana\tprovince\t\n\
mg-f\tfianarantsoa\tprovince\t\n\
mg-m\tmahajanga\tprovince\t\n\
mg-t\tantananarivo\tprovince\t\n\
mg-u\ttoliara\tprovince\t\n\
mh-alk\tailuk\tmunicipality\tmh-t\n\
mh-all\tailinglaplap\tmunicipality\tmh-l\n\
mh-arn\tarno\tmunicipality\tmh-t\n\
mh-aur\taur\tmunicipality\tmh-t\n\
mh-ebo\tebon\tmunicipality\tmh-l\n\
mh-eni\tenewetak & ujelang\tmunicipality\tmh-l\n\
mh-jab\tjabat\tmunicipality\tmh-l\n\
mh-jal\tjaluit\tmunicipality\tmh-l\n\
mh-kil\tbikini & kili\tmunicipality\tmh-l\n\
mh-kwa\tkwajalein\tmunicipality\tmh-l\n\
mh-l\tralik chain\tchain (of islands)\t\n\
mh-lae\tlae\tmunicipality\tmh-l\n\
mh-lib\tlib\tmunicipality\tmh-l\n\
mh-lik\tlikiep\tmunicipality\tmh-t\n\
mh-maj\tmajuro\tmunicipality\tmh-t\n\
mh-mal\tmaloelap\tmunicipality\tmh-t\n\
mh-mej\tmejit\tmunicipality\tmh-t\n\
mh-mil\tmili\tmunicipality\tmh-t\n\
mh-nmk\tnamdrik\tmunicipality\tmh-l\n\
mh-nmu\tnamu\tmunicipality\tmh-l\n\
mh-ron\trongelap\tmunicipality\tmh-l\n\
mh-t\tratak chain\tchain (of islands)\t\n\
mh-uja\tujae\tmunicipality\tmh-l\n\
mh-uti\tutrik\tmunicipality\tmh-t\n\
mh-wth\twotho\tmunicipality\tmh-l\n\
mh-wtj\twotje\tmunicipality\tmh-t\n\
mk-101\tveles\tmunicipality\t\n\
mk-102\tgradsko\tmunicipality\t\n\
mk-103\tdemir kapija\tmunicipality\t\n\
mk-104\tkavadarci\tmunicipality\t\n\
mk-105\tlozovo\tmunicipality\t\n\
mk-106\tnegotino\tmunicipality\t\n\
mk-107\trosoman\tmunicipality\t\n\
mk-108\tsveti nikole\tmunicipality\t\n\
mk-109\tcaska\tmunicipality\t\n\
mk-201\tberovo\tmunicipality\t\n\
mk-202\tvinica\tmunicipality\t\n\
mk-203\tdelcevo\tmunicipality\t\n\
mk-204\tzrnovci\tmunicipality\t\n\
mk-205\tkarbinci\tmunicipality\t\n\
mk-206\tkocani\tmunicipality\t\n\
mk-207\tmakedonska kamenica\tmunicipality\t\n\
mk-208\tpehcevo\tmunicipality\t\n\
mk-209\tprobistip\tmunicipality\t\n\
mk-210\tcesinovo-oblesevo\tmunicipality\t\n\
mk-211\tstip\tmunicipality\t\n\
mk-301\tvevcani\tmunicipality\t\n\
mk-303\tdebar\tmunicipality\t\n\
mk-304\tdebrca\tmunicipality\t\n\
mk-307\tkicevo\tmunicipality\t\n\
mk-308\tmakedonski brod\tmunicipality\t\n\
mk-310\tohrid\tmunicipality\t\n\
mk-311\tplasnica\tmunicipality\t\n\
mk-312\tstruga\tmunicipality\t\n\
mk-313\tcentar zupa\tmunicipality\t\n\
mk-401\tbogdanci\tmunicipality\t\n\
mk-402\tbosilovo\tmunicipality\t\n\
mk-403\tvalandovo\tmunicipality\t\n\
mk-404\tvasilevo\tmunicipality\t\n\
mk-405\tgevgelija\tmunicipality\t\n\
mk-406\tdojran\tmunicipality\t\n\
mk-407\tkonce\tmunicipality\t\n\
mk-408\tnovo selo\tmunicipality\t\n\
mk-409\tradovis\tmunicipality\t\n\
mk-410\tstrumica\tmunicipality\t\n\
mk-501\tbitola\tmunicipality\t\n\
mk-502\tdemir hisar\tmunicipality\t\n\
mk-503\tdolneni\tmunicipality\t\n\
mk-504\tkrivogastani\tmunicipality\t\n\
mk-505\tkrusevo\tmunicipality\t\n\
mk-506\tmogila\tmunicipality\t\n\
mk-507\tnovaci\tmunicipality\t\n\
mk-508\tprilep\tmunicipality\t\n\
mk-509\tresen\tmunicipality\t\n\
mk-601\tbogovinje\tmunicipality\t\n\
mk-602\tbrvenica\tmunicipality\t\n\
mk-603\tvrapciste\tmunicipality\t\n\
mk-604\tgostivar\tmunicipality\t\n\
mk-605\tzelino\tmunicipality\t\n\
mk-606\tjegunovce\tmunicipality\t\n\
mk-607\tmavrovo i rostuse\tmunicipality\t\n\
mk-608\ttearce\tmunicipality\t\n\
mk-609\ttetovo\tmunicipality\t\n\
mk-701\tkratovo\tmunicipality\t\n\
mk-702\tkriva palanka\tmunicipality\t\n\
mk-703\tkumanovo\tmunicipality\t\n\
mk-704\tlipkovo\tmunicipality\t\n\
mk-705\trankovce\tmunicipality\t\n\
mk-706\tstaro nagoricane\tmunicipality\t\n\
mk-801\taerodrom †\tmunicipality\t\n\
mk-802\taracinovo\tmunicipality\t\n\
mk-803\tbutel †\tmunicipality\t\n\
mk-804\tgazi baba †\tmunicipality\t\n\
mk-805\tgjorce petrov †\tmunicipality\t\n\
mk-806\tzelenikovo\tmunicipality\t\n\
mk-807\tilinden\tmunicipality\t\n\
mk-808\tkarpos †\tmunicipality\t\n\
mk-809\tkisela voda †\tmunicipality\t\n\
mk-810\tpetrovec\tmunicipality\t\n\
mk-811\tsaraj †\tmunicipality\t\n\
mk-812\tsopiste\tmunicipality\t\n\
mk-813\tstudenicani\tmunicipality\t\n\
mk-814\tcentar †\tmunicipality\t\n\
mk-815\tcair †\tmunicipality\t\n\
mk-816\tcucer-sandevo\tmunicipality\t\n\
mk-817\tsuto orizari †\tmunicipality\t\n\
ml-1\tkayes\tregion\t\n\
ml-10\ttaoudenit\tregion\t\n\
ml-2\tkoulikoro\tregion\t\n\
ml-3\tsikasso\tregion\t\n\
ml-4\tsegou\tregion\t\n\
ml-5\tmopti\tregion\t\n\
ml-6\ttombouctou\tregion\t\n\
ml-7\tgao\tregion\t\n\
ml-8\tkidal\tregion\t\n\
ml-9\tmenaka\tregion\t\n\
ml-bko\tbamako\tdistrict\t\n\
mm-01\tsagaing\tregion\t\n\
mm-02\tbago\tregion\t\n\
mm-03\tmagway\tregion\t\n\
mm-04\tmandalay\tregion\t\n\
mm-05\ttanintharyi\tregion\t\n\
mm-06\tyangon\tregion\t\n\
mm-07\tayeyarwady\tregion\t\n\
mm-11\tkachin\tstate\t\n\
mm-12\tkayah\tstate\t\n\
mm-13\tkayin\tstate\t\n\
mm-14\tchin\tstate\t\n\
mm-15\tmon\tstate\t\n\
mm-16\trakhine\tstate\t\n\
mm-17\tshan\tstate\t\n\
mm-18\tnay pyi taw\tunion territory\t\n\
mn-035\torhon\tprovince\t\n\
mn-037\tdarhan uul\tprovince\t\n\
mn-039\thentiy\tprovince\t\n\
mn-041\thovsgol\tprovince\t\n\
mn-043\thovd\tprovince\t\n\
mn-046\tuvs\tprovince\t\n\
mn-047\ttov\tprovince\t\n\
mn-049\tselenge\tprovince\t\n\
mn-051\tsuhbaatar\tprovince\t\n\
mn-053\tomnogovi\tprovince\t\n\
mn-055\tovorhangay\tprovince\t\n\
mn-057\tdzavhan\tprovince\t\n\
mn-059\tdundgovi\tprovince\t\n\
mn-061\tdornod\tprovince\t\n\
mn-063\tdornogovi\tprovince\t\n\
mn-064\tgovi-sumber\tprovince\t\n\
mn-065\tgovi-altay\tprovince\t\n\
mn-067\tbulgan\tprovince\t\n\
mn-069\tbayanhongor\tprovince\t\n\
mn-071\tbayan-olgiy\tprovince\t\n\
mn-073\tarhangay\tprovince\t\n\
mn-1\tulaanbaatar\tcapital city\t\n\
mr-01\thodh ech chargui\tregion\t\n\
mr-02\thodh el gharbi\tregion\t\n\
mr-03\tassaba\tregion\t\n\
mr-04\tgorgol\tregion\t\n\
mr-05\tbrakna\tregion\t\n\
mr-06\ttrarza\tregion\t\n\
mr-07\tadrar\tregion\t\n\
mr-08\tdakhlet nouadhibou\tregion\t\n\
mr-09\ttagant\tregion\t\n\
mr-10\tguidimaka\tregion\t\n\
mr-11\ttiris zemmour\tregion\t\n\
mr-12\tinchiri\tregion\t\n\
mr-13\tnouakchott ouest\tregion\t\n\
mr-14\tnouakchott nord\tregion\t\n\
mr-15\tnouakchott sud\tregion\t\n\
mt-01\tattard\tlocal council\t\n\
mt-02\tbalzan\tlocal council\t\n\
mt-03\tbirgu\tlocal council\t\n\
mt-04\tbirkirkara\tlocal council\t\n\
mt-05\tbirzebbuga\tlocal council\t\n\
mt-06\tbormla\tlocal council\t\n\
mt-07\tdingli\tlocal council\t\n\
mt-08\tfgura\tlocal council\t\n\
mt-09\tfloriana\tlocal council\t\n\
mt-10\tfontana\tlocal council\t\n\
mt-11\tgudja\tlocal council\t\n\
mt-12\tgzira\tlocal council\t\n\
mt-13\tgħajnsielem\tlocal council\t\n\
mt-14\tgħarb\tlocal council\t\n\
mt-15\tgħargħur\tlocal council\t\n\
mt-16\tgħasri\tlocal council\t\n\
mt-17\tgħaxaq\tlocal council\t\n\
mt-18\tħamrun\tlocal council\t\n\
mt-19\tiklin\tlocal council\t\n\
mt-20\tisla\tlocal council\t\n\
mt-21\tkalkara\tlocal council\t\n\
mt-22\tkercem\tlocal council\t\n\
mt-23\tkirkop\tlocal council\t\n\
mt-24\tlija\tlocal council\t\n\
mt-25\tluqa\tlocal council\t\n\
mt-26\tmarsa\tlocal council\t\n\
mt-27\tmarsaskala\tlocal council\t\n\
mt-28\tmarsaxlokk\tlocal council\t\n\
mt-29\tmdina\tlocal council\t\n\
mt-30\tmellieħa\tlocal council\t\n\
mt-31\tmgarr\tlocal council\t\n\
mt-32\tmosta\tlocal council\t\n\
mt-33\tmqabba\tlocal council\t\n\
mt-34\tmsida\tlocal council\t\n\
mt-35\tmtarfa\tlocal council\t\n\
mt-36\tmunxar\tlocal council\t\n\
mt-37\tnadur\tlocal council\t\n\
mt-38\tnaxxar\tlocal council\t\n\
mt-39\tpaola\tlocal council\t\n\
mt-40\tpembroke\tlocal council\t\n\
mt-41\tpieta\tlocal council\t\n\
mt-42\tqala\tlocal council\t\n\
mt-43\tqormi\tlocal council\t\n\
mt-44\tqrendi\tlocal council\t\n\
mt-45\trabat gozo\tlocal council\t\n\
mt-46\trabat malta\tlocal council\t\n\
mt-47\tsafi\tlocal council\t\n\
mt-48\tsaint julian's\tlocal council\t\n\
mt-49\tsaint john\tlocal council\t\n\
mt-50\tsaint lawrence\tlocal council\t\n\
mt-51\tsaint paul's bay\tlocal council\t\n\
mt-52\tsannat\tlocal council\t\n\
mt-53\tsaint lucia's\tlocal council\t\n\
mt-54\tsanta venera\tlocal council\t\n\
mt-55\tsiggiewi\tlocal council\t\n\
mt-56\tsliema\tlocal council\t\n\
mt-57\tswieqi\tlocal council\t\n\
mt-58\tta' xbiex\tlocal council\t\n\
mt-59\ttarxien\tlocal council\t\n\
mt-60\tvalletta\tlocal council\t\n\
mt-61\txagħra\tlocal council\t\n\
mt-62\txewkija\tlocal council\t\n\
mt-63\txgħajra\tlocal council\t\n\
mt-64\tzabbar\tlocal council\t\n\
mt-65\tzebbug gozo\tlocal council\t\n\
mt-66\tzebbug malta\tlocal council\t\n\
mt-67\tzejtun\tlocal council\t\n\
mt-68\tzurrieq\tlocal council\t\n\
mu-ag\tagalega islands\tdependency\t\n\
mu-bl\tblack river\tdistrict\t\n\
mu-cc\tcargados carajos shoals\tdependency\t\n\
mu-fl\tflacq\tdistrict\t\n\
mu-gp\tgrand port\tdistrict\t\n\
mu-mo\tmoka\tdistrict\t\n\
mu-pa\tpamplemousses\tdistrict\t\n\
mu-pl\tport louis\tdistrict\t\n\
mu-pw\tplaines wilhems\tdistrict\t\n\
mu-ro\trodrigues island\tdependency\t\n\
mu-rr\triviere du rempart\tdistrict\t\n\
mu-sa\tsavanne\tdistrict\t\n\
mv-00\tsouth ari atoll\tadministrative atoll\t\n\
mv-01\taddu city\tcity\t\n\
mv-02\tnorth ari atoll\tadministrative atoll\t\n\
mv-03\tfaadhippolhu\tadministrative atoll\t\n\
mv-04\tfelidhu atoll\tadministrative atoll\t\n\
mv-05\thahdhunmathi\tadministrative atoll\t\n\
mv-07\tnorth thiladhunmathi\tadministrative atoll\t\n\
mv-08\tkolhumadulu\tadministrative atoll\t\n\
mv-12\tmulaku atoll\tadministrative atoll\t\n\
mv-13\tnorth maalhosmadulu\tadministrative atoll\t\n\
mv-14\tnorth nilandhe atoll\tadministrative atoll\t\n\
mv-17\tsouth nilandhe atoll\tadministrative atoll\t\n\
mv-20\tsouth maalhosmadulu\tadministrative atoll\t\n\
mv-23\tsouth thiladhunmathi\tadministrative atoll\t\n\
mv-24\tnorth miladhunmadulu\tadministrative atoll\t\n\
mv-25\tsouth miladhunmadulu\tadministrative atoll\t\n\
mv-26\tmale atoll\tadministrative atoll\t\n\
mv-27\tnorth huvadhu atoll\tadministrative atoll\t\n\
mv-28\tsouth huvadhu atoll\tadministrative atoll\t\n\
mv-29\tfuvammulah\tadministrative atoll\t\n\
mv-mle\tmale\tcity\t\n\
mw-ba\tbalaka\tdistrict\tmw-s\n\
mw-bl\tblantyre\tdistrict\tmw-s\n\
mw-c\tcentral region\tregion\t\n\
mw-ck\tchikwawa\tdistrict\tmw-s\n\
mw-cr\tchiradzulu\tdistrict\tmw-s\n\
mw-ct\tchitipa\tdistrict\tmw-n\n\
mw-de\tdedza\tdistrict\tmw-c\n\
mw-do\tdowa\tdistrict\tmw-c\n\
mw-kr\tkaronga\tdistrict\tmw-n\n\
mw-ks\tkasungu\tdistrict\tmw-c\n\
mw-li\tlilongwe\tdistrict\tmw-c\n\
mw-lk\tlikoma\tdistrict\tmw-n\n\
mw-mc\tmchinji\tdistrict\tmw-c\n\
mw-mg\tmangochi\tdistrict\tmw-s\n\
mw-mh\tmachinga\tdistrict\tmw-s\n\
mw-mu\tmulanje\tdistrict\tmw-s\n\
mw-mw\tmwanza\tdistrict\tmw-s\n\
mw-mz\tmzimba\tdistrict\tmw-n\n\
mw-n\tnorthern region\tregion\t\n\
mw-nb\tnkhata bay\tdistrict\tmw-n\n\
mw-ne\tneno\tdistrict\tmw-s\n\
mw-ni\tntchisi\tdistrict\tmw-c\n\
mw-nk\tnkhotakota\tdistrict\tmw-c\n\
mw-ns\tnsanje\tdistrict\tmw-s\n\
mw-nu\tntcheu\tdistrict\tmw-c\n\
mw-ph\tphalombe\tdistrict\tmw-s\n\
mw-ru\trumphi\tdistrict\tmw-n\n\
mw-s\tsouthern region\tregion\t\n\
mw-sa\tsalima\tdistrict\tmw-c\n\
mw-th\tthyolo\tdistrict\tmw-s\n\
mw-zo\tzomba\tdistrict\tmw-s\n\
mx-agu\taguascalientes\tstate\t\n\
mx-bcn\tbaja california\tstate\t\n\
mx-bcs\tbaja california sur\tstate\t\n\
mx-cam\tcampeche\tstate\t\n\
mx-chh\tchihuahua\tstate\t\n\
mx-chp\tchiapas\tstate\t\n\
mx-cmx\tciudad de mexico\tfederal entity\t\n\
mx-coa\tcoahuila de zaragoza\tstate\t\n\
mx-col\tcolima\tstate\t\n\
mx-dur\tdurango\tstate\t\n\
mx-gro\tguerrero\tstate\t\n\
mx-gua\tguanajuato\tstate\t\n\
mx-hid\thidalgo\tstate\t\n\
mx-jal\tjalisco\tstate\t\n\
mx-mex\tmexico\tstate\t\n\
mx-mic\tmichoacan de ocampo\tstate\t\n\
mx-mor\tmorelos\tstate\t\n\
mx-nay\tnayarit\tstate\t\n\
mx-nle\tnuevo leon\tstate\t\n\
mx-oax\toaxaca\tstate\t\n\
mx-pue\tpuebla\tstate\t\n\
mx-que\tqueretaro\tstate\t\n\
mx-roo\tquintana roo\tstate\t\n\
mx-sin\tsinaloa\tstate\t\n\
mx-slp\tsan luis potosi\tstate\t\n\
mx-son\tsonora\tstate\t\n\
mx-tab\ttabasco\tstate\t\n\
mx-tam\ttamaulipas\tstate\t\n\
mx-tla\ttlaxcala\tstate\t\n\
mx-ver\tveracruz de ignacio de la llave\tstate\t\n\
mx-yuc\tyucatan\tstate\t\n\
mx-zac\tzacatecas\tstate\t\n\
my-01\tjohor\tstate\t\n\
my-02\tkedah\tstate\t\n\
my-03\tkelantan\tstate\t\n\
my-04\tmelaka\tstate\t\n\
my-05\tnegeri sembilan\tstate\t\n\
my-06\tpahang\tstate\t\n\
my-07\tpulau pinang\tstate\t\n\
my-08\tperak\tstate\t\n\
my-09\tperlis\tstate\t\n\
my-10\tselangor\tstate\t\n\
my-11\tterengganu\tstate\t\n\
my-12\tsabah\tstate\t\n\
my-13\tsarawak\tstate\t\n\
my-14\twilayah persekutuan kuala lumpur\tfederal territory\t\n\
my-15\twilayah persekutuan labuan\tfederal territory\t\n\
my-16\twilayah persekutuan putrajaya\tfederal territory\t\n\
mz-a\tniassa\tprovince\t\n\
mz-b\tmanica\tprovince\t\n\
mz-g\tgaza\tprovince\t\n\
mz-i\tinhambane\tprovince\t\n\
mz-l\tmaputo\tprovince\t\n\
mz-mpm\tmaputo\tcity\t\n\
mz-n\tnampula\tprovince\t\n\
mz-p\tcabo delgado\tprovince\t\n\
mz-q\tzambezia\tprovince\t\n\
mz-s\tsofala\tprovince\t\n\
mz-t\ttete\tprovince\t\n\
na-ca\tzambezi\tregion\t\n\
na-er\terongo\tregion\t\n\
na-ha\thardap\tregion\t\n\
na-ka\t//karas\tregion\t\n\
na-ke\tkavango east\tregion\t\n\
na-kh\tkhomas\tregion\t\n\
na-ku\tkunene\tregion\t\n\
na-kw\tkavango west\tregion\t\n\
na-od\totjozondjupa\tregion\t\n\
na-oh\tomaheke\tregion\t\n\
na-on\toshana\tregion\t\n\
na-os\tomusati\tregion\t\n\
na-ot\toshikoto\tregion\t\n\
na-ow\tohangwena\tregion\t\n\
ne-1\tagadez\tregion\t\n\
ne-2\tdiffa\tregion\t\n\
ne-3\tdosso\tregion\t\n\
ne-4\tmaradi\tregion\t\n\
ne-5\ttahoua\tregion\t\n\
ne-6\ttillaberi\tregion\t\n\
ne-7\tzinder\tregion\t\n\
ne-8\tniamey\turban community\t\n\
ng-ab\tabia\tstate\t\n\
ng-ad\tadamawa\tstate\t\n\
ng-ak\takwa ibom\tstate\t\n\
ng-an\tanambra\tstate\t\n\
ng-ba\tbauchi\tstate\t\n\
ng-be\tbenue\tstate\t\n\
ng-bo\tborno\tstate\t\n\
ng-by\tbayelsa\tstate\t\n\
ng-cr\tcross river\tstate\t\n\
ng-de\tdelta\tstate\t\n\
ng-eb\tebonyi\tstate\t\n\
ng-ed\tedo\tstate\t\n\
ng-ek\tekiti\tstate\t\n\
ng-en\tenugu\tstate\t\n\
ng-fc\tabuja federal capital territory\tcapital territory\t\n\
ng-go\tgombe\tstate\t\n\
ng-im\timo\tstate\t\n\
ng-ji\tjigawa\tstate\t\n\
ng-kd\tkaduna\tstate\t\n\
ng-ke\tkebbi\tstate\t\n\
ng-kn\tkano\tstate\t\n\
ng-ko\tkogi\tstate\t\n\
ng-kt\tkatsina\tstate\t\n\
ng-kw\tkwara\tstate\t\n\
ng-la\tlagos\tstate\t\n\
ng-na\tnasarawa\tstate\t\n\
ng-ni\tniger\tstate\t\n\
ng-og\togun\tstate\t\n\
ng-on\tondo\tstate\t\n\
ng-os\tosun\tstate\t\n\
ng-oy\toyo\tstate\t\n\
ng-pl\tplateau\tstate\t\n\
ng-ri\trivers\tstate\t\n\
ng-so\tsokoto\tstate\t\n\
ng-ta\ttaraba\tstate\t\n\
ng-yo\tyobe\tstate\t\n\
ng-za\tzamfara\tstate\t\n\
ni-an\tcosta caribe norte\tautonomous region\t\n\
ni-as\tcosta caribe sur\tautonomous region\t\n\
ni-bo\tboaco\tdepartment\t\n\
ni-ca\tcarazo\tdepartment\t\n\
ni-ci\tchinandega\tdepartment\t\n\
ni-co\tchontales\tdepartment\t\n\
ni-es\testeli\tdepartment\t\n\
ni-gr\tgranada\tdepartment\t\n\
ni-ji\tjinotega\tdepartment\t\n\
ni-le\tleon\tdepartment\t\n\
ni-md\tmadriz\tdepartment\t\n\
ni-mn\tmanagua\tdepartment\t\n\
ni-ms\tmasaya\tdepartment\t\n\
ni-mt\tmatagalpa\tdepartment\t\n\
ni-ns\tnueva segovia\tdepartment\t\n\
ni-ri\trivas\tdepartment\t\n\
ni-sj\trio san juan\tdepartment\t\n\
nl-aw\taruba\tcountry\t\n\
nl-bq1\tbonaire\tspecial municipality\t\n\
nl-bq2\tsaba\tspecial municipality\t\n\
nl-bq3\tsint eustatius\tspecial municipality\t\n\
nl-cw\tcuracao\tcountry\t\n\
nl-dr\tdrenthe\tprovince\t\n\
nl-fl\tflevoland\tprovince\t\n\
nl-fr\tfryslan\tprovince\t\n\
nl-ge\tgelderland\tprovince\t\n\
nl-gr\tgroningen\tprovince\t\n\
nl-li\tlimburg\tprovince\t\n\
nl-nb\tnoord-brabant\tprovince\t\n\
nl-nh\tnoord-holland\tprovince\t\n\
nl-ov\toverijssel\tprovince\t\n\
nl-sx\tsint maarten\tcountry\t\n\
nl-ut\tutrecht\tprovince\t\n\
nl-ze\tzeeland\tprovince\t\n\
nl-zh\tzuid-holland\tprovince\t\n\
no-03\toslo\tcounty\t\n\
no-11\trogaland\tcounty\t\n\
no-15\tmøre og romsdal\tcounty\t\n\
no-18\tnordland\tcounty\t\n\
no-21\tsvalbard (arctic region)\tarctic region\t\n\
no-22\tjan mayen (arctic region)\tarctic region\t\n\
no-30\tviken\tcounty\t\n\
no-34\tinnlandet\tcounty\t\n\
no-38\tvestfold og telemark\tcounty\t\n\
no-42\tagder\tcounty\t\n\
no-46\tvestland\tcounty\t\n\
no-50\ttroondelage\tcounty\t\n\
no-54\tromssa ja finnmarkku\tcounty\t\n\
np-p1\tkoshi\tprovince\t\n\
np-p2\tmadhesh\tprovince\t\n\
np-p3\tbagmati\tprovince\t\n\
np-p4\tgandaki\tprovince\t\n\
np-p5\tlumbini\tprovince\t\n\
np-p6\tkarnali\tprovince\t\n\
np-p7\tsudurpashchim\tprovince\t\n\
nr-01\taiwo\tdistrict\t\n\
nr-02\tanabar\tdistrict\t\n\
nr-03\tanetan\tdistrict\t\n\
nr-04\tanibare\tdistrict\t\n\
nr-05\tbaitsi\tdistrict\t\n\
nr-06\tboe\tdistrict\t\n\
nr-07\tbuada\tdistrict\t\n\
nr-08\tdenigomodu\tdistrict\t\n\
nr-09\tewa\tdistrict\t\n\
nr-10\tijuw\tdistrict\t\n\
nr-11\tmeneng\tdistrict\t\n\
nr-12\tnibok\tdistrict\t\n\
nr-13\tuaboe\tdistrict\t\n\
nr-14\tyaren\tdistrict\t\n\
nz-auk\tauckland\tregion\t\n\
nz-bop\tbay of plenty\tregion\t\n\
nz-can\tcanterbury\tregion\t\n\
nz-cit\tchatham islands territory\tspecial island authority\t\n\
nz-gis\tgisborne\tregion\t\n\
nz-hkb\thawke's bay\tregion\t\n\
nz-mbh\tmarlborough\tregion\t\n\
nz-mwt\tmanawatu-whanganui\tregion\t\n\
nz-nsn\tnelson\tregion\t\n\
nz-ntl\tnorthland\tregion\t\n\
nz-ota\totago\tregion\t\n\
nz-stl\tsouthland\tregion\t\n\
nz-tas\ttasman\tregion\t\n\
nz-tki\ttaranaki\tregion\t\n\
nz-wgn\tgreater wellington\tregion\t\n\
nz-wko\twaikato\tregion\t\n\
nz-wtc\twest coast\tregion\t\n\
om-bj\tjanub al batinah\tgovernorate\t\n\
om-bs\tshamal al batinah\tgovernorate\t\n\
om-bu\tal buraymi\tgovernorate\t\n\
om-da\tad dakhiliyah\tgovernorate\t\n\
om-ma\tmasqat\tgovernorate\t\n\
om-mu\tmusandam\tgovernorate\t\n\
om-sj\tjanub ash sharqiyah\tgovernorate\t\n\
om-ss\tshamal ash sharqiyah\tgovernorate\t\n\
om-wu\tal wusta\tgovernorate\t\n\
om-za\taz zahirah\tgovernorate\t\n\
om-zu\tzufar\tgovernorate\t\n\
pa-1\tbocas del toro\tprovince\t\n\
pa-10\tpanama oeste\tprovince\t\n\
pa-2\tcocle\tprovince\t\n\
pa-3\tcolon\tprovince\t\n\
pa-4\tchiriqui\tprovince\t\n\
pa-5\tdarien\tprovince\t\n\
pa-6\therrera\tprovince\t\n\
pa-7\tlos santos\tprovince\t\n\
pa-8\tpanama\tprovince\t\n\
pa-9\tveraguas\tprovince\t\n\
pa-em\tembera\tindigenous region\t\n\
pa-ky\tguna yala\tindigenous region\t\n\
pa-nb\tngabe-bugle\tindigenous region\t\n\
pa-nt\tnaso tjer di\tindigenous region\t\n\
pe-ama\tamarumayu\tregion\t\n\
pe-anc\tancash\tregion\t\n\
pe-apu\tapurimaq\tregion\t\n\
pe-are\tarequipa\tregion\t\n\
pe-aya\tayacucho\tregion\t\n\
pe-caj\tcajamarca\tregion\t\n\
pe-cal\tel callao\tregion\t\n\
pe-cus\tcusco\tregion\t\n\
pe-huc\thuanuco\tregion\t\n\
pe-huv\thuancavelica\tregion\t\n\
pe-ica\tica\tregion\t\n\
pe-jun\thunin\tregion\t\n\
pe-lal\tla libertad\tregion\t\n\
pe-lam\tlambayeque\tregion\t\n\
pe-lim\tlima\tregion\t\n\
pe-lma\tlima hatun llaqta\tmunicipality\t\n\
pe-lor\tloreto\tregion\t\n\
pe-mdd\tmadre de dios\tregion\t\n\
pe-moq\tmoquegua\tregion\t\n\
pe-pas\tpasco\tregion\t\n\
pe-piu\tpiura\tregion\t\n\
pe-pun\tpuno\tregion\t\n\
pe-sam\tsan martin\tregion\t\n\
pe-tac\ttacna\tregion\t\n\
pe-tum\ttumbes\tregion\t\n\
pe-uca\tucayali\tregion\t\n\
pg-cpk\tchimbu\tprovince\t\n\
pg-cpm\tcentral\tprovince\t\n\
pg-ebr\teast new britain\tprovince\t\n\
pg-ehg\teastern highlands\tprovince\t\n\
pg-epw\tenga\tprovince\t\n\
pg-esw\teast sepik\tprovince\t\n\
pg-gpk\tgulf\tprovince\t\n\
pg-hla\thela\tprovince\t\n\
pg-jwk\tjiwaka\tprovince\t\n\
pg-mba\tmilne bay\tprovince\t\n\
pg-mpl\tmorobe\tprovince\t\n\
pg-mpm\tmadang\tprovince\t\n\
pg-mrl\tmanus\tprovince\t\n\
pg-ncd\tnational capital district (port moresby)\tdistrict\t\n\
pg-nik\tnew ireland\tprovince\t\n\
pg-npp\tnorthern\tprovince\t\n\
pg-nsb\tbougainville\tautonomous region\t\n\
pg-san\twest sepik\tprovince\t\n\
pg-shm\tsouthern highlands\tprovince\t\n\
pg-wbk\twest new britain\tprovince\t\n\
pg-whm\twestern highlands\tprovince\t\n\
pg-wpd\twestern\tprovince\t\n\
ph-00\tnational capital region\tregion\t\n\
ph-01\tilocos (region i)\tregion\t\n\
ph-02\tcagayan valley (region ii)\tregion\t\n\
ph-03\tcentral luzon (region iii)\tregion\t\n\
ph-05\tbicol (region v)\tregion\t\n\
ph-06\twestern visayas (region vi)\tregion\t\n\
ph-07\tcentral visayas (region vii)\tregion\t\n\
ph-08\teastern visayas (region viii)\tregion\t\n\
ph-09\tzamboanga peninsula (region ix)\tregion\t\n\
ph-10\tnorthern mindanao (region x)\tregion\t\n\
ph-11\tdavao (region xi)\tregion\t\n\
ph-12\tsoccsksargen (region xii)\tregion\t\n\
ph-13\tcaraga (region xiii)\tregion\t\n\
ph-14\tautonomous region in muslim mindanao (armm)\tregion\t\n\
ph-15\tcordillera administrative region (car)\tregion\t\n\
ph-40\tcalabarzon (region iv-a)\tregion\t\n\
ph-41\tmimaropa (region iv-b)\tregion\t\n\
ph-abr\tabra\tprovince\tph-15\n\
ph-agn\tagusan del norte\tprovince\tph-13\n\
ph-ags\tagusan del sur\tprovince\tph-13\n\
ph-akl\taklan\tprovince\tph-06\n\
ph-alb\talbay\tprovince\tph-05\n\
ph-ant\tantique\tprovince\tph-06\n\
ph-apa\tapayao\tprovince\tph-15\n\
ph-aur\taurora\tprovince\tph-03\n\
ph-ban\tbataan\tprovince\tph-03\n\
ph-bas\tbasilan\tprovince\tph-09\n\
ph-ben\tbenguet\tprovince\tph-15\n\
ph-bil\tbiliran\tprovince\tph-08\n\
ph-boh\tbohol\tprovince\tph-07\n\
ph-btg\tbatangas\tprovince\tph-40\n\
ph-btn\tbatanes\tprovince\tph-02\n\
ph-buk\tbukidnon\tprovince\tph-10\n\
ph-bul\tbulacan\tprovince\tph-03\n\
ph-cag\tcagayan\tprovince\tph-02\n\
ph-cam\tcamiguin\tprovince\tph-10\n\
ph-can\tcamarines norte\tprovince\tph-05\n\
ph-cap\tcapiz\tprovince\tph-06\n\
ph-cas\tcamarines sur\tprovince\tph-05\n\
ph-cat\tcatanduanes\tprovince\tph-05\n\
ph-cav\tcavite\tprovince\tph-40\n\
ph-ceb\tcebu\tprovince\tph-07\n\
ph-com\tdavao de oro\tprovince\tph-11\n\
ph-dao\tdavao oriental\tprovince\tph-11\n\
ph-das\tdavao del sur\tprovince\tph-11\n\
ph-dav\tdavao del norte\tprovince\tph-11\n\
ph-din\tdinagat islands\tprovince\tph-13\n\
ph-dvo\tdavao occidental\tprovince\tph-11\n\
ph-eas\teastern samar\tprovince\tph-08\n\
ph-gui\tguimaras\tprovince\tph-06\n\
ph-ifu\tifugao\tprovince\tph-15\n\
ph-ili\tiloilo\tprovince\tph-06\n\
ph-iln\tilocos norte\tprovince\tph-01\n\
ph-ils\tilocos sur\tprovince\tph-01\n\
ph-isa\tisabela\tprovince\tph-02\n\
ph-kal\tkalinga\tprovince\tph-15\n\
ph-lag\tlaguna\tprovince\tph-40\n\
ph-lan\tlanao del norte\tprovince\tph-12\n\
ph-las\tlanao del sur\tprovince\tph-14\n\
ph-ley\tleyte\tprovince\tph-08\n\
ph-lun\tla union\tprovince\tph-01\n\
ph-mad\tmarinduque\tprovince\tph-41\n\
ph-mas\tmasbate\tprovince\tph-05\n\
ph-mdc\tmindoro occidental\tprovince\tph-41\n\
ph-mdr\tmindoro oriental\tprovince\tph-41\n\
ph-mgn\tmaguindanao del norte\tprovince\tph-14\n\
ph-mgs\tmaguindanao del sur\tprovince\tph-14\n\
ph-mou\tmountain province\tprovince\tph-15\n\
ph-msc\tmisamis occidental\tprovince\tph-10\n\
ph-msr\tmisamis oriental\tprovince\tph-10\n\
ph-nco\tcotabato\tprovince\tph-12\n\
ph-nec\tnegros occidental\tprovince\tph-06\n\
ph-ner\tnegros oriental\tprovince\tph-07\n\
ph-nsa\tnorthern samar\tprovince\tph-08\n\
ph-nue\tnueva ecija\tprovince\tph-03\n\
ph-nuv\tnueva vizcaya\tprovince\tph-02\n\
ph-pam\tpampanga\tprovince\tph-03\n\
ph-pan\tpangasinan\tprovince\tph-01\n\
ph-plw\tpalawan\tprovince\tph-41\n\
ph-que\tquezon\tprovince\tph-40\n\
ph-qui\tquirino\tprovince\tph-02\n\
ph-riz\trizal\tprovince\tph-40\n\
ph-rom\tromblon\tprovince\tph-41\n\
ph-sar\tsarangani\tprovince\tph-11\n\
ph-sco\tsouth cotabato\tprovince\tph-11\n\
ph-sig\tsiquijor\tprovince\tph-07\n\
ph-sle\tsouthern leyte\tprovince\tph-08\n\
ph-slu\tsulu\tprovince\tph-14\n\
ph-sor\tsorsogon\tprovince\tph-05\n\
ph-suk\tsultan kudarat\tprovince\tph-12\n\
ph-sun\tsurigao del norte\tprovince\tph-13\n\
ph-sur\tsurigao del sur\tprovince\tph-13\n\
ph-tar\ttarlac\tprovince\tph-03\n\
ph-taw\ttawi-tawi\tprovince\tph-14\n\
ph-wsa\tsamar\tprovince\tph-08\n\
ph-zan\tzamboanga del norte\tprovince\tph-09\n\
ph-zas\tzamboanga del sur\tprovince\tph-09\n\
ph-zmb\tzambales\tprovince\tph-03\n\
ph-zsi\tzamboanga sibugay\tprovince\tph-09\n\
pk-ba\tbalochistan\tprovince\t\n\
pk-gb\tgilgit-baltistan\tpakistan administered area\t\n\
pk-is\tislamabad\tfederal capital territory\t\n\
pk-jk\tazad jammu and kashmir\tpakistan administered area\t\n\
pk-kp\tkhyber pakhtunkhwa\tprovince\t\n\
pk-pb\tpunjab\tprovince\t\n\
pk-sd\tsindh\tprovince\t\n\
pl-02\tdolnoslaskie\tvoivodship\t\n\
pl-04\tkujawsko-pomorskie\tvoivodship\t\n\
pl-06\tlubelskie\tvoivodship\t\n\
pl-08\tlubuskie\tvoivodship\t\n\
pl-10\tłodzkie\tvoivodship\t\n\
pl-12\tmałopolskie\tvoivodship\t\n\
pl-14\tmazowieckie\tvoivodship\t\n\
pl-16\topolskie\tvoivodship\t\n\
pl-18\tpodkarpackie\tvoivodship\t\n\
pl-20\tpodlaskie\tvoivodship\t\n\
pl-22\tpomorskie\tvoivodship\t\n\
pl-24\tslaskie\tvoivodship\t\n\
pl-26\tswietokrzyskie\tvoivodship\t\n\
pl-28\twarminsko-mazurskie\tvoivodship\t\n\
pl-30\twielkopolskie\tvoivodship\t\n\
pl-32\tzachodniopomorskie\tvoivodship\t\n\
ps-bth\tbethlehem\tgovernorate\t\n\
ps-deb\tdeir el balah\tgovernorate\t\n\
ps-gza\tgaza\tgovernorate\t\n\
ps-hbn\thebron\tgovernorate\t\n\
ps-jem\tjerusalem\tgovernorate\t\n\
ps-jen\tjenin\tgovernorate\t\n\
ps-jrh\tjericho and al aghwar\tgovernorate\t\n\
ps-kys\tkhan yunis\tgovernorate\t\n\
ps-nbs\tnablus\tgovernorate\t\n\
ps-ngz\tnorth gaza\tgovernorate\t\n\
ps-qqa\tqalqilya\tgovernorate\t\n\
ps-rbh\tramallah\tgovernorate\t\n\
ps-rfh\trafah\tgovernorate\t\n\
ps-slt\tsalfit\tgovernorate\t\n\
ps-tbs\ttubas\tgovernorate\t\n\
ps-tkm\ttulkarm\tgovernorate\t\n\
pt-01\taveiro\tdistrict\t\n\
pt-02\tbeja\tdistrict\t\n\
pt-03\tbraga\tdistrict\t\n\
pt-04\tbraganca\tdistrict\t\n\
pt-05\tcastelo branco\tdistrict\t\n\
pt-06\tcoimbra\tdistrict\t\n\
pt-07\tevora\tdistrict\t\n\
pt-08\tfaro\tdistrict\t\n\
pt-09\tguarda\tdistrict\t\n\
pt-10\tleiria\tdistrict\t\n\
pt-11\tlisboa\tdistrict\t\n\
pt-12\tportalegre\tdistrict\t\n\
pt-13\tporto\tdistrict\t\n\
pt-14\tsantarem\tdistrict\t\n\
pt-15\tsetubal\tdistrict\t\n\
pt-16\tviana do castelo\tdistrict\t\n\
pt-17\tvila real\tdistrict\t\n\
pt-18\tviseu\tdistrict\t\n\
pt-20\tregiao autonoma dos acores\tautonomous region\t\n\
pt-30\tregiao autonoma da madeira\tautonomous region\t\n\
pw-002\taimeliik\tstate\t\n\
pw-004\tairai\tstate\t\n\
pw-010\tangaur\tstate\t\n\
pw-050\thatohobei\tstate\t\n\
pw-100\tkayangel\tstate\t\n\
pw-150\tkoror\tstate\t\n\
pw-212\tmelekeok\tstate\t\n\
pw-214\tngaraard\tstate\t\n\
pw-218\tngarchelong\tstate\t\n\
pw-222\tngardmau\tstate\t\n\
pw-224\tngatpang\tstate\t\n\
pw-226\tngchesar\tstate\t\n\
pw-227\tngeremlengui\tstate\t\n\
pw-228\tngiwal\tstate\t\n\
pw-350\tpeleliu\tstate\t\n\
pw-370\tsonsorol\tstate\t\n\
py-1\tconcepcion\tdepartment\t\n\
py-10\talto parana\tdepartment\t\n\
py-11\tcentral\tdepartment\t\n\
py-12\tneembucu\tdepartment\t\n\
py-13\tamambay\tdepartment\t\n\
py-14\tcanindeyu\tdepartment\t\n\
py-15\tpresidente hayes\tdepartment\t\n\
py-16\talto paraguay\tdepartment\t\n\
py-19\tboqueron\tdepartment\t\n\
py-2\tsan pedro\tdepartment\t\n\
py-3\tcordillera\tdepartment\t\n\
py-4\tguaira\tdepartment\t\n\
py-5\tcaaguazu\tdepartment\t\n\
py-6\tcaazapa\tdepartment\t\n\
py-7\titapua\tdepartment\t\n\
py-8\tmisiones\tdepartment\t\n\
py-9\tparaguari\tdepartment\t\n\
py-asu\tasuncion\tcapital\t\n\
qa-da\tad dawhah\tmunicipality\t\n\
qa-kh\tal khawr wa adh dhakhirah\tmunicipality\t\n\
qa-ms\tash shamal\tmunicipality\t\n\
qa-ra\tar rayyan\tmunicipality\t\n\
qa-sh\tash shihaniyah\tmunicipality\t\n\
qa-us\tumm salal\tmunicipality\t\n\
qa-wa\tal wakrah\tmunicipality\t\n\
qa-za\taz za‘ayin\tmunicipality\t\n\
ro-ab\talba\tdepartment\t\n\
ro-ag\targes\tdepartment\t\n\
ro-ar\tarad\tdepartment\t\n\
ro-b\tbucuresti\tmunicipality\t\n\
ro-bc\tbacau\tdepartment\t\n\
ro-bh\tbihor\tdepartment\t\n\
ro-bn\tbistrita-nasaud\tdepartment\t\n\
ro-br\tbraila\tdepartment\t\n\
ro-bt\tbotosani\tdepartment\t\n\
ro-bv\tbrasov\tdepartment\t\n\
ro-bz\tbuzau\tdepartment\t\n\
ro-cj\tcluj\tdepartment\t\n\
ro-cl\tcalarasi\tdepartment\t\n\
ro-cs\tcaras-severin\tdepartment\t\n\
ro-ct\tconstanta\tdepartment\t\n\
ro-cv\tcovasna\tdepartment\t\n\
ro-db\tdambovita\tdepartment\t\n\
ro-dj\tdolj\tdepartment\t\n\
ro-gj\tgorj\tdepartment\t\n\
ro-gl\tgalati\tdepartment\t\n\
ro-gr\tgiurgiu\tdepartment\t\n\
ro-hd\thunedoara\tdepartment\t\n\
ro-hr\tharghita\tdepartment\t\n\
ro-if\tilfov\tdepartment\t\n\
ro-il\tialomita\tdepartment\t\n\
ro-is\tiasi\tdepartment\t\n\
ro-mh\tmehedinti\tdepartment\t\n\
ro-mm\tmaramures\tdepartment\t\n\
ro-ms\tmures\tdepartment\t\n\
ro-nt\tneamt\tdepartment\t\n\
ro-ot\tolt\tdepartment\t\n\
ro-ph\tprahova\tdepartment\t\n\
ro-sb\tsibiu\tdepartment\t\n\
ro-sj\tsalaj\tdepartment\t\n\
ro-sm\tsatu mare\tdepartment\t\n\
ro-sv\tsuceava\tdepartment\t\n\
ro-tl\ttulcea\tdepartment\t\n\
ro-tm\ttimis\tdepartment\t\n\
ro-tr\tteleorman\tdepartment\t\n\
ro-vl\tvalcea\tdepartment\t\n\
ro-vn\tvrancea\tdepartment\t\n\
ro-vs\tvaslui\tdepartment\t\n\
rs-00\tbeograd\tcity\t\n\
rs-01\tsevernobacki okrug\tdistrict\trs-vo\n\
rs-02\tsrednjebanatski okrug\tdistrict\trs-vo\n\
rs-03\tsevernobanatski okrug\tdistrict\trs-vo\n\
rs-04\tjuznobanatski okrug\tdistrict\trs-vo\n\
rs-05\tzapadnobacki okrug\tdistrict\trs-vo\n\
rs-06\tjuznobacki okrug\tdistrict\trs-vo\n\
rs-07\tsremski okrug\tdistrict\trs-vo\n\
rs-08\tmacvanski okrug\tdistrict\t\n\
rs-09\tkolubarski okrug\tdistrict\t\n\
rs-10\tpodunavski okrug\tdistrict\t\n\
rs-11\tbranicevski okrug\tdistrict\t\n\
rs-12\tsumadijski okrug\tdistrict\t\n\
rs-13\tpomoravski okrug\tdistrict\t\n\
rs-14\tborski okrug\tdistrict\t\n\
rs-15\tzajecarski okrug\tdistrict\t\n\
rs-16\tzlatiborski okrug\tdistrict\t\n\
rs-17\tmoravicki okrug\tdistrict\t\n\
rs-18\traski okrug\tdistrict\t\n\
rs-19\trasinski okrug\tdistrict\t\n\
rs-20\tnisavski okrug\tdistrict\t\n\
rs-21\ttoplicki okrug\tdistrict\t\n\
rs-22\tpirotski okrug\tdistrict\t\n\
rs-23\tjablanicki okrug\tdistrict\t\n\
rs-24\tpcinjski okrug\tdistrict\t\n\
rs-25\tkosovski okrug\tdistrict\trs-km\n\
rs-26\tpecki okrug\tdistrict\trs-km\n\
rs-27\tprizrenski okrug\tdistrict\trs-km\n\
rs-28\tkosovsko-mitrovacki okrug\tdistrict\trs-km\n\
rs-29\tkosovsko-pomoravski okrug\tdistrict\trs-km\n\
rs-km\tkosovo-metohija\tautonomous province\t\n\
rs-vo\tvojvodina\tautonomous province\t\n\
ru-ad\tadygeja, respublika\trepublic\t\n\
ru-al\taltaj, respublika\trepublic\t\n\
ru-alt\taltajskij kraj\tadministrative territory\t\n\
ru-amu\tamurskaja oblast'\tadministrative region\t\n\
ru-ark\tarhangel'skaja oblast'\tadministrative region\t\n\
ru-ast\tastrahanskaja oblast'\tadministrative region\t\n\
ru-ba\tbashkortostan, respublika\trepublic\t\n\
ru-bel\tbelgorodskaja oblast'\tadministrative region\t\n\
ru-bry\tbrjanskaja oblast'\tadministrative region\t\n\
ru-bu\tburjatija, respublika\trepublic\t\n\
ru-ce\tchechenskaya respublika\trepublic\t\n\
ru-che\tchelyabinskaya oblast'\tadministrative region\t\n\
ru-chu\tchukotskiy avtonomnyy okrug\tautonomous district\t\n\
ru-cu\tchuvashskaya respublika\trepublic\t\n\
ru-da\tdagestan, respublika\trepublic\t\n\
ru-in\tingushetiya, respublika\trepublic\t\n\
ru-irk\tirkutskaja oblast'\tadministrative region\t\n\
ru-iva\tivanovskaja oblast'\tadministrative region\t\n\
ru-kam\tkamchatskiy kray\tadministrative territory\t\n\
ru-kb\tkabardino-balkarskaja respublika\trepublic\t\n\
ru-kc\tkarachayevo-cherkesskaya respublika\trepublic\t\n\
ru-kda\tkrasnodarskij kraj\tadministrative territory\t\n\
ru-kem\tkemerovskaja oblast'\tadministrative region\t\n\
ru-kgd\tkaliningradskaja oblast'\tadministrative region\t\n\
ru-kgn\tkurganskaja oblast'\tadministrative region\t\n\
ru-kha\thabarovskij kraj\tadministrative territory\t\n\
ru-khm\thanty-mansijskij avtonomnyj okrug\tautonomous district\t\n\
ru-kir\tkirovskaja oblast'\tadministrative region\t\n\
ru-kk\thakasija, respublika\trepublic\t\n\
ru-kl\tkalmykija, respublika\trepublic\t\n\
ru-klu\tkaluzhskaya oblast'\tadministrative region\t\n\
ru-ko\tkomi, respublika\trepublic\t\n\
ru-kos\tkostromskaja oblast'\tadministrative region\t\n\
ru-kr\tkarelija, respublika\trepublic\t\n\
ru-krs\tkurskaja oblast'\tadministrative region\t\n\
ru-kya\tkrasnojarskij kraj\tadministrative territory\t\n\
ru-len\tleningradskaja oblast'\tadministrative region\t\n\
ru-lip\tlipeckaja oblast'\tadministrative region\t\n\
ru-mag\tmagadanskaja oblast'\tadministrative region\t\n\
ru-me\tmarij el, respublika\trepublic\t\n\
ru-mo\tmordovija, respublika\trepublic\t\n\
ru-mos\tmoskovskaja oblast'\tadministrative region\t\n\
ru-mow\tmoskva\tautonomous city\t\n\
ru-mur\tmurmanskaja oblast'\tadministrative region\t\n\
ru-nen\tneneckij avtonomnyj okrug\tautonomous district\t\n\
ru-ngr\tnovgorodskaja oblast'\tadministrative region\t\n\
ru-niz\tnizhegorodskaya oblast'\tadministrative region\t\n\
ru-nvs\tnovosibirskaja oblast'\tadministrative region\t\n\
ru-oms\tomskaja oblast'\tadministrative region\t\n\
ru-ore\torenburgskaja oblast'\tadministrative region\t\n\
ru-orl\torlovskaja oblast'\tadministrative region\t\n\
ru-per\tpermskij kraj\tadministrative territory\t\n\
ru-pnz\tpenzenskaja oblast'\tadministrative region\t\n\
ru-pri\tprimorskij kraj\tadministrative territory\t\n\
ru-psk\tpskovskaja oblast'\tadministrative region\t\n\
ru-ros\trostovskaja oblast'\tadministrative region\t\n\
ru-rya\trjazanskaja oblast'\tadministrative region\t\n\
ru-sa\tsaha, respublika\trepublic\t\n\
ru-sak\tsahalinskaja oblast'\tadministrative region\t\n\
ru-sam\tsamarskaja oblast'\tadministrative region\t\n\
ru-sar\tsaratovskaja oblast'\tadministrative region\t\n\
ru-se\tsevernaja osetija, respublika\trepublic\t\n\
ru-smo\tsmolenskaja oblast'\tadministrative region\t\n\
ru-spe\tsankt-peterburg\tautonomous city\t\n\
ru-sta\tstavropol'skij kraj\tadministrative territory\t\n\
ru-sve\tsverdlovskaja oblast'\tadministrative region\t\n\
ru-ta\ttatarstan, respublika\trepublic\t\n\
ru-tam\ttambovskaja oblast'\tadministrative region\t\n\
ru-tom\ttomskaja oblast'\tadministrative region\t\n\
ru-tul\ttul'skaja oblast'\tadministrative region\t\n\
ru-tve\ttverskaja oblast'\tadministrative region\t\n\
ru-ty\ttyva, respublika\trepublic\t\n\
ru-tyu\ttjumenskaja oblast'\tadministrative region\t\n\
ru-ud\tudmurtskaja respublika\trepublic\t\n\
ru-uly\tul'janovskaja oblast'\tadministrative region\t\n\
ru-vgg\tvolgogradskaja oblast'\tadministrative region\t\n\
ru-vla\tvladimirskaja oblast'\tadministrative region\t\n\
ru-vlg\tvologodskaja oblast'\tadministrative region\t\n\
ru-vor\tvoronezhskaya oblast'\tadministrative region\t\n\
ru-yan\tjamalo-neneckij avtonomnyj okrug\tautonomous district\t\n\
ru-yar\tjaroslavskaja oblast'\tadministrative region\t\n\
ru-yev\tevrejskaja avtonomnaja oblast'\tautonomous region\t\n\
ru-zab\tzabajkal'skij kraj\tadministrative territory\t\n\
rw-01\tcity of kigali\tcity\t\n\
rw-02\teastern\tprovince\t\n\
rw-03\tnorthern\tprovince\t\n\
rw-04\twestern\tprovince\t\n\
rw-05\tsouthern\tprovince\t\n\
sa-01\tar riyad\tregion\t\n\
sa-02\tmakkah al mukarramah\tregion\t\n\
sa-03\tal madinah al munawwarah\tregion\t\n\
sa-04\tash sharqiyah\tregion\t\n\
sa-05\tal qasim\tregion\t\n\
sa-06\tha'il\tregion\t\n\
sa-07\ttabuk\tregion\t\n\
sa-08\tal hudud ash shamaliyah\tregion\t\n\
sa-09\tjazan\tregion\t\n\
sa-10\tnajran\tregion\t\n\
sa-11\tal bahah\tregion\t\n\
sa-12\tal jawf\tregion\t\n\
sa-14\t'asir\tregion\t\n\
sb-ce\tcentral\tprovince\t\n\
sb-ch\tchoiseul\tprovince\t\n\
sb-ct\tcapital territory (honiara)\tcapital territory\t\n\
sb-gu\tguadalcanal\tprovince\t\n\
sb-is\tisabel\tprovince\t\n\
sb-mk\tmakira-ulawa\tprovince\t\n\
sb-ml\tmalaita\tprovince\t\n\
sb-rb\trennell and bellona\tprovince\t\n\
sb-te\ttemotu\tprovince\t\n\
sb-we\twestern\tprovince\t\n\
sc-01\tanse aux pins\tdistrict\t\n\
sc-02\tanse boileau\tdistrict\t\n\
sc-03\tanse etoile\tdistrict\t\n\
sc-04\tau cap\tdistrict\t\n\
sc-05\tanse royale\tdistrict\t\n\
sc-06\tbaie lazare\tdistrict\t\n\
sc-07\tbaie sainte anne\tdistrict\t\n\
sc-08\tbeau vallon\tdistrict\t\n\
sc-09\tbel air\tdistrict\t\n\
sc-10\tbel ombre\tdistrict\t\n\
sc-11\tcascade\tdistrict\t\n\
sc-12\tglacis\tdistrict\t\n\
sc-13\tgrand anse mahe\tdistrict\t\n\
sc-14\tgrand anse praslin\tdistrict\t\n\
sc-15\tla digue\tdistrict\t\n\
sc-16\tenglish river\tdistrict\t\n\
sc-17\tmont buxton\tdistrict\t\n\
sc-18\tmont fleuri\tdistrict\t\n\
sc-19\tplaisance\tdistrict\t\n\
sc-20\tpointe larue\tdistrict\t\n\
sc-21\tport glaud\tdistrict\t\n\
sc-22\tsaint louis\tdistrict\t\n\
sc-23\ttakamaka\tdistrict\t\n\
sc-24\tles mamelles\tdistrict\t\n\
sc-25\troche caiman\tdistrict\t\n\
sc-26\tile perseverance i\tdistrict\t\n\
sc-27\tile perseverance ii\tdistrict\t\n\
sd-dc\tcentral darfur\tstate\t\n\
sd-de\teast darfur\tstate\t\n\
sd-dn\tnorth darfur\tstate\t\n\
sd-ds\tsouth darfur\tstate\t\n\
sd-dw\twest darfur\tstate\t\n\
sd-gd\tgedaref\tstate\t\n\
sd-gk\twest kordofan\tstate\t\n\
sd-gz\tgezira\tstate\t\n\
sd-ka\tkassala\tstate\t\n\
sd-kh\tkhartoum\tstate\t\n\
sd-kn\tnorth kordofan\tstate\t\n\
sd-ks\tsouth kordofan\tstate\t\n\
sd-nb\tblue nile\tstate\t\n\
sd-no\tnorthern\tstate\t\n\
sd-nr\triver nile\tstate\t\n\
sd-nw\twhite nile\tstate\t\n\
sd-rs\tred sea\tstate\t\n\
sd-si\tsennar\tstate\t\n\
se-ab\tstockholms lan [se-01]\tcounty\t\n\
se-ac\tvasterbottens lan [se-24]\tcounty\t\n\
se-bd\tnorrbottens lan [se-25]\tcounty\t\n\
se-c\tuppsala lan [se-03]\tcounty\t\n\
se-d\tsodermanlands lan [se-04]\tcounty\t\n\
se-e\tostergotlands lan [se-05]\tcounty\t\n\
se-f\tjonkopings lan [se-06]\tcounty\t\n\
se-g\tkronobergs lan [se-07]\tcounty\t\n\
se-h\tkalmar lan [se-08]\tcounty\t\n\
se-i\tgotlands lan [se-09]\tcounty\t\n\
se-k\tblekinge lan [se-10]\tcounty\t\n\
se-m\tskane lan [se-12]\tcounty\t\n\
se-n\thallands lan [se-13]\tcounty\t\n\
se-o\tvastra gotalands lan [se-14]\tcounty\t\n\
se-s\tvarmlands lan [se-17]\tcounty\t\n\
se-t\torebro lan [se-18]\tcounty\t\n\
se-u\tvastmanlands lan [se-19]\tcounty\t\n\
se-w\tdalarnas lan [se-20]\tcounty\t\n\
se-x\tgavleborgs lan [se-21]\tcounty\t\n\
se-y\tvasternorrlands lan [se-22]\tcounty\t\n\
se-z\tjamtlands lan [se-23]\tcounty\t\n\
sg-01\tcentral singapore\tdistrict\t\n\
sg-02\tnorth east\tdistrict\t\n\
sg-03\tnorth west\tdistrict\t\n\
sg-04\tsouth east\tdistrict\t\n\
sg-05\tsouth west\tdistrict\t\n\
sh-ac\tascension\tgeographical entity\t\n\
sh-hl\tsaint helena\tgeographical entity\t\n\
sh-ta\ttristan da cunha\tgeographical entity\t\n\
si-001\tajdovscina\tmunicipality\t\n\
si-002\tbeltinci\tmunicipality\t\n\
si-003\tbled\tmunicipality\t\n\
si-004\tbohinj\tmunicipality\t\n\
si-005\tborovnica\tmunicipality\t\n\
si-006\tbovec\tmunicipality\t\n\
si-007\tbrda\tmunicipality\t\n\
si-008\tbrezovica\tmunicipality\t\n\
si-009\tbrezice\tmunicipality\t\n\
si-010\ttisina\tmunicipality\t\n\
si-011\tcelje\turban municipality\t\n\
si-012\tcerklje na gorenjskem\tmunicipality\t\n\
si-013\tcerknica\tmunicipality\t\n\
si-014\tcerkno\tmunicipality\t\n\
si-015\tcrensovci\tmunicipality\t\n\
si-016\tcrna na koroskem\tmunicipality\t\n\
si-017\tcrnomelj\tmunicipality\t\n\
si-018\tdestrnik\tmunicipality\t\n\
si-019\tdivaca\tmunicipality\t\n\
si-020\tdobrepolje\tmunicipality\t\n\
si-021\tdobrova-polhov gradec\tmunicipality\t\n\
si-022\tdol pri ljubljani\tmunicipality\t\n\
si-023\tdomzale\tmunicipality\t\n\
si-024\tdornava\tmunicipality\t\n\
si-025\tdravograd\tmunicipality\t\n\
si-026\tduplek\tmunicipality\t\n\
si-027\tgorenja vas-poljane\tmunicipality\t\n\
si-028\tgorisnica\tmunicipality\t\n\
si-029\tgornja radgona\tmunicipality\t\n\
si-030\tgornji grad\tmunicipality\t\n\
si-031\tgornji petrovci\tmunicipality\t\n\
si-032\tgrosuplje\tmunicipality\t\n\
si-033\tsalovci\tmunicipality\t\n\
si-034\thrastnik\tmunicipality\t\n\
si-035\thrpelje-kozina\tmunicipality\t\n\
si-036\tidrija\tmunicipality\t\n\
si-037\tig\tmunicipality\t\n\
si-038\tilirska bistrica\tmunicipality\t\n\
si-039\tivancna gorica\tmunicipality\t\n\
si-040\tizola\tmunicipality\t\n\
si-041\tjesenice\tmunicipality\t\n\
si-042\tjursinci\tmunicipality\t\n\
si-043\tkamnik\tmunicipality\t\n\
si-044\tkanal ob soci\tmunicipality\t\n\
si-045\tkidricevo\tmunicipality\t\n\
si-046\tkobarid\tmunicipality\t\n\
si-047\tkobilje\tmunicipality\t\n\
si-048\tkocevje\tmunicipality\t\n\
si-049\tkomen\tmunicipality\t\n\
si-050\tkoper\turban municipality\t\n\
si-051\tkozje\tmunicipality\t\n\
si-052\tkranj\turban municipality\t\n\
si-053\tkranjska gora\tmunicipality\t\n\
si-054\tkrsko\turban municipality\t\n\
si-055\tkungota\tmunicipality\t\n\
si-056\tkuzma\tmunicipality\t\n\
si-057\tlasko\tmunicipality\t\n\
si-058\tlenart\tmunicipality\t\n\
si-059\tlendava\tmunicipality\t\n\
si-060\tlitija\tmunicipality\t\n\
si-061\tljubljana\turban municipality\t\n\
si-062\tljubno\tmunicipality\t\n\
si-063\tljutomer\tmunicipality\t\n\
si-064\tlogatec\tmunicipality\t\n\
si-065\tloska dolina\tmunicipality\t\n\
si-066\tloski potok\tmunicipality\t\n\
si-067\tluce\tmunicipality\t\n\
si-068\tlukovica\tmunicipality\t\n\
si-069\tmajsperk\tmunicipality\t\n\
si-070\tmaribor\turban municipality\t\n\
si-071\tmedvode\tmunicipality\t\n\
si-072\tmenges\tmunicipality\t\n\
si-073\tmetlika\tmunicipality\t\n\
si-074\tmezica\tmunicipality\t\n\
si-075\tmiren-kostanjevica\tmunicipality\t\n\
si-076\tmislinja\tmunicipality\t\n\
si-077\tmoravce\tmunicipality\t\n\
si-078\tmoravske toplice\tmunicipality\t\n\
si-079\tmozirje\tmunicipality\t\n\
si-080\tmurska sobota\turban municipality\t\n\
si-081\tmuta\tmunicipality\t\n\
si-082\tnaklo\tmunicipality\t\n\
si-083\tnazarje\tmunicipality\t\n\
si-084\tnova gorica\turban municipality\t\n\
si-085\tnovo mesto\turban municipality\t\n\
si-086\todranci\tmunicipality\t\n\
si-087\tormoz\tmunicipality\t\n\
si-088\tosilnica\tmunicipality\t\n\
si-089\tpesnica\tmunicipality\t\n\
si-090\tpiran\tmunicipality\t\n\
si-091\tpivka\tmunicipality\t\n\
si-092\tpodcetrtek\tmunicipality\t\n\
si-093\tpodvelka\tmunicipality\t\n\
si-094\tpostojna\tmunicipality\t\n\
si-095\tpreddvor\tmunicipality\t\n\
si-096\tptuj\turban municipality\t\n\
si-097\tpuconci\tmunicipality\t\n\
si-098\trace-fram\tmunicipality\t\n\
si-099\tradece\tmunicipality\t\n\
si-100\tradenci\tmunicipality\t\n\
si-101\tradlje ob dravi\tmunicipality\t\n\
si-102\tradovljica\tmunicipality\t\n\
si-103\travne na koroskem\tmunicipality\t\n\
si-104\tribnica\tmunicipality\t\n\
si-105\trogasovci\tmunicipality\t\n\
si-106\trogaska slatina\tmunicipality\t\n\
si-107\trogatec\tmunicipality\t\n\
si-108\truse\tmunicipality\t\n\
si-109\tsemic\tmunicipality\t\n\
si-110\tsevnica\tmunicipality\t\n\
si-111\tsezana\tmunicipality\t\n\
si-112\tslovenj gradec\turban municipality\t\n\
si-113\tslovenska bistrica\tmunicipality\t\n\
si-114\tslovenske konjice\tmunicipality\t\n\
si-115\tstarse\tmunicipality\t\n\
si-116\tsveti jurij ob scavnici\tmunicipality\t\n\
si-117\tsencur\tmunicipality\t\n\
si-118\tsentilj\tmunicipality\t\n\
si-119\tsentjernej\tmunicipality\t\n\
si-120\tsentjur\tmunicipality\t\n\
si-121\tskocjan\tmunicipality\t\n\
si-122\tskofja loka\tmunicipality\t\n\
si-123\tskofljica\tmunicipality\t\n\
si-124\tsmarje pri jelsah\tmunicipality\t\n\
si-125\tsmartno ob paki\tmunicipality\t\n\
si-126\tsostanj\tmunicipality\t\n\
si-127\tstore\tmunicipality\t\n\
si-128\ttolmin\tmunicipality\t\n\
si-129\ttrbovlje\tmunicipality\t\n\
si-130\ttrebnje\tmunicipality\t\n\
si-131\ttrzic\tmunicipality\t\n\
si-132\tturnisce\tmunicipality\t\n\
si-133\tvelenje\turban municipality\t\n\
si-134\tvelike lasce\tmunicipality\t\n\
si-135\tvidem\tmunicipality\t\n\
si-136\tvipava\tmunicipality\t\n\
si-137\tvitanje\tmunicipality\t\n\
si-138\tvodice\tmunicipality\t\n\
si-139\tvojnik\tmunicipality\t\n\
si-140\tvrhnika\tmunicipality\t\n\
si-141\tvuzenica\tmunicipality\t\n\
si-142\tzagorje ob savi\tmunicipality\t\n\
si-143\tzavrc\tmunicipality\t\n\
si-144\tzrece\tmunicipality\t\n\
si-146\tzelezniki\tmunicipality\t\n\
si-147\tziri\tmunicipality\t\n\
si-148\tbenedikt\tmunicipality\t\n\
si-149\tbistrica ob sotli\tmunicipality\t\n\
si-150\tbloke\tmunicipality\t\n\
si-151\tbraslovce\tmunicipality\t\n\
si-152\tcankova\tmunicipality\t\n\
si-153\tcerkvenjak\tmunicipality\t\n\
si-154\tdobje\tmunicipality\t\n\
si-155\tdobrna\tmunicipality\t\n\
si-156\tdobrovnik\tmunicipality\t\n\
si-157\tdolenjske toplice\tmunicipality\t\n\
si-158\tgrad\tmunicipality\t\n\
si-159\thajdina\tmunicipality\t\n\
si-160\thoce-slivnica\tmunicipality\t\n\
si-161\thodos\tmunicipality\t\n\
si-162\thorjul\tmunicipality\t\n\
si-163\tjezersko\tmunicipality\t\n\
si-164\tkomenda\tmunicipality\t\n\
si-165\tkostel\tmunicipality\t\n\
si-166\tkrizevci\tmunicipality\t\n\
si-167\tlovrenc na pohorju\tmunicipality\t\n\
si-168\tmarkovci\tmunicipality\t\n\
si-169\tmiklavz na dravskem polju\tmunicipality\t\n\
si-170\tmirna pec\tmunicipality\t\n\
si-171\toplotnica\tmunicipality\t\n\
si-172\tpodlehnik\tmunicipality\t\n\
si-173\tpolzela\tmunicipality\t\n\
si-174\tprebold\tmunicipality\t\n\
si-175\tprevalje\tmunicipality\t\n\
si-176\trazkrizje\tmunicipality\t\n\
si-177\tribnica na pohorju\tmunicipality\t\n\
si-178\tselnica ob dravi\tmunicipality\t\n\
si-179\tsodrazica\tmunicipality\t\n\
si-180\tsolcava\tmunicipality\t\n\
si-181\tsveta ana\tmunicipality\t\n\
si-182\tsveti andraz v slovenskih goricah\tmunicipality\t\n\
si-183\tsempeter-vrtojba\tmunicipality\t\n\
si-184\ttabor\tmunicipality\t\n\
si-185\ttrnovska vas\tmunicipality\t\n\
si-186\ttrzin\tmunicipality\t\n\
si-187\tvelika polana\tmunicipality\t\n\
si-188\tverzej\tmunicipality\t\n\
si-189\tvransko\tmunicipality\t\n\
si-190\tzalec\tmunicipality\t\n\
si-191\tzetale\tmunicipality\t\n\
si-192\tzirovnica\tmunicipality\t\n\
si-193\tzuzemberk\tmunicipality\t\n\
si-194\tsmartno pri litiji\tmunicipality\t\n\
si-195\tapace\tmunicipality\t\n\
si-196\tcirkulane\tmunicipality\t\n\
si-197\tkostanjevica na krki\tmunicipality\t\n\
si-198\tmakole\tmunicipality\t\n\
si-199\tmokronog-trebelno\tmunicipality\t\n\
si-200\tpoljcane\tmunicipality\t\n\
si-201\trence-vogrsko\tmunicipality\t\n\
si-202\tsredisce ob dravi\tmunicipality\t\n\
si-203\tstraza\tmunicipality\t\n\
si-204\tsveta trojica v slovenskih goricah\tmunicipality\t\n\
si-205\tsveti tomaz\tmunicipality\t\n\
si-206\tsmarjeske toplice\tmunicipality\t\n\
si-207\tgorje\tmunicipality\t\n\
si-208\tlog-dragomer\tmunicipality\t\n\
si-209\trecica ob savinji\tmunicipality\t\n\
si-210\tsveti jurij v slovenskih goricah\tmunicipality\t\n\
si-211\tsentrupert\tmunicipality\t\n\
si-212\tmirna\tmunicipality\t\n\
si-213\tankaran\tmunicipality\t\n\
sk-bc\tbanskobystricky kraj\tregion\t\n\
sk-bl\tbratislavsky kraj\tregion\t\n\
sk-ki\tkosicky kraj\tregion\t\n\
sk-ni\tnitriansky kraj\tregion\t\n\
sk-pv\tpresovsky kraj\tregion\t\n\
sk-ta\ttrnavsky kraj\tregion\t\n\
sk-tc\ttrenciansky kraj\tregion\t\n\
sk-zi\tzilinsky kraj\tregion\t\n\
sl-e\teastern\tprovince\t\n\
sl-n\tnorthern\tprovince\t\n\
sl-nw\tnorth western\tprovince\t\n\
sl-s\tsouthern\tprovince\t\n\
sl-w\twestern area (freetown)\tarea\t\n\
sm-01\tacquaviva\tmunicipality\t\n\
sm-02\tchiesanuova\tmunicipality\t\n\
sm-03\tdomagnano\tmunicipality\t\n\
sm-04\tfaetano\tmunicipality\t\n\
sm-05\tfiorentino\tmunicipality\t\n\
sm-06\tborgo maggiore\tmunicipality\t\n\
sm-07\tcitta di san marino\tmunicipality\t\n\
sm-08\tmontegiardino\tmunicipality\t\n\
sm-09\tserravalle\tmunicipality\t\n\
sn-db\tdiourbel\tregion\t\n\
sn-dk\tdakar\tregion\t\n\
sn-fk\tfatick\tregion\t\n\
sn-ka\tkaffrine\tregion\t\n\
sn-kd\tkolda\tregion\t\n\
sn-ke\tkedougou\tregion\t\n\
sn-kl\tkaolack\tregion\t\n\
sn-lg\tlouga\tregion\t\n\
sn-mt\tmatam\tregion\t\n\
sn-se\tsedhiou\tregion\t\n\
sn-sl\tsaint-louis\tregion\t\n\
sn-tc\ttambacounda\tregion\t\n\
sn-th\tthies\tregion\t\n\
sn-zg\tziguinchor\tregion\t\n\
so-aw\tawdal\tregion\t\n\
so-bk\tbakool\tregion\t\n\
so-bn\tbanaadir\tregion\t\n\
so-br\tbari\tregion\t\n\
so-by\tbay\tregion\t\n\
so-ga\tgalguduud\tregion\t\n\
so-ge\tgedo\tregion\t\n\
so-hi\thiiraan\tregion\t\n\
so-jd\tjubbada dhexe\tregion\t\n\
so-jh\tjubbada hoose\tregion\t\n\
so-mu\tmudug\tregion\t\n\
so-nu\tnugaal\tregion\t\n\
so-sa\tsanaag\tregion\t\n\
so-sd\tshabeellaha dhexe\tregion\t\n\
so-sh\tshabeellaha hoose\tregion\t\n\
so-so\tsool\tregion\t\n\
so-to\ttogdheer\tregion\t\n\
so-wo\twoqooyi galbeed\tregion\t\n\
sr-br\tbrokopondo\tdistrict\t\n\
sr-cm\tcommewijne\tdistrict\t\n\
sr-cr\tcoronie\tdistrict\t\n\
sr-ma\tmarowijne\tdistrict\t\n\
sr-ni\tnickerie\tdistrict\t\n\
sr-pm\tparamaribo\tdistrict\t\n\
sr-pr\tpara\tdistrict\t\n\
sr-sa\tsaramacca\tdistrict\t\n\
sr-si\tsipaliwini\tdistrict\t\n\
sr-wa\twanica\tdistrict\t\n\
ss-bn\tnorthern bahr el ghazal\tstate\t\n\
ss-bw\twestern bahr el ghazal\tstate\t\n\
ss-ec\tcentral equatoria\tstate\t\n\
ss-ee\teastern equatoria\tstate\t\n\
ss-ew\twestern equatoria\tstate\t\n\
ss-jg\tjonglei\tstate\t\n\
ss-lk\tlakes\tstate\t\n\
ss-nu\tupper nile\tstate\t\n\
ss-uy\tunity\tstate\t\n\
ss-wr\twarrap\tstate\t\n\
st-01\tagua grande\tdistrict\t\n\
st-02\tcantagalo\tdistrict\t\n\
st-03\tcaue\tdistrict\t\n\
st-04\tlemba\tdistrict\t\n\
st-05\tlobata\tdistrict\t\n\
st-06\tme-zochi\tdistrict\t\n\
st-p\tprincipe\tautonomous region\t\n\
sv-ah\tahuachapan\tdepartment\t\n\
sv-ca\tcabanas\tdepartment\t\n\
sv-ch\tchalatenango\tdepartment\t\n\
sv-cu\tcuscatlan\tdepartment\t\n\
sv-li\tla libertad\tdepartment\t\n\
sv-mo\tmorazan\tdepartment\t\n\
sv-pa\tla paz\tdepartment\t\n\
sv-sa\tsanta ana\tdepartment\t\n\
sv-sm\tsan miguel\tdepartment\t\n\
sv-so\tsonsonate\tdepartment\t\n\
sv-ss\tsan salvador\tdepartment\t\n\
sv-sv\tsan vicente\tdepartment\t\n\
sv-un\tla union\tdepartment\t\n\
sv-us\tusulutan\tdepartment\t\n\
sy-di\tdimashq\tprovince\t\n\
sy-dr\tdar'a\tprovince\t\n\
sy-dy\tdayr az zawr\tprovince\t\n\
sy-ha\tal hasakah\tprovince\t\n\
sy-hi\thims\tprovince\t\n\
sy-hl\thalab\tprovince\t\n\
sy-hm\thamah\tprovince\t\n\
sy-id\tidlib\tprovince\t\n\
sy-la\tal ladhiqiyah\tprovince\t\n\
sy-qu\tal qunaytirah\tprovince\t\n\
sy-ra\tar raqqah\tprovince\t\n\
sy-rd\trif dimashq\tprovince\t\n\
sy-su\tas suwayda'\tprovince\t\n\
sy-ta\ttartus\tprovince\t\n\
sz-hh\thhohho\tregion\t\n\
sz-lu\tlubombo\tregion\t\n\
sz-ma\tmanzini\tregion\t\n\
sz-sh\tshiselweni\tregion\t\n\
td-ba\tbatha\tprovince\t\n\
td-bg\tbahr el ghazal\tprovince\t\n\
td-bo\tborkou\tprovince\t\n\
td-cb\tchari-baguirmi\tprovince\t\n\
td-ee\tennedi-est\tprovince\t\n\
td-eo\tennedi-ouest\tprovince\t\n\
td-gr\tguera\tprovince\t\n\
td-hl\thadjer lamis\tprovince\t\n\
td-ka\tkanem\tprovince\t\n\
td-lc\tlac\tprovince\t\n\
td-lo\tlogone-occidental\tprovince\t\n\
td-lr\tlogone-oriental\tprovince\t\n\
td-ma\tmandoul\tprovince\t\n\
td-mc\tmoyen-chari\tprovince\t\n\
td-me\tmayo-kebbi-est\tprovince\t\n\
td-mo\tmayo-kebbi-ouest\tprovince\t\n\
td-nd\tville de ndjamena\tprovince\t\n\
td-od\touaddai\tprovince\t\n\
td-sa\tsalamat\tprovince\t\n\
td-si\tsila\tprovince\t\n\
td-ta\ttandjile\tprovince\t\n\
td-ti\ttibesti\tprovince\t\n\
td-wf\twadi fira\tprovince\t\n\
tg-c\tcentrale\tregion\t\n\
tg-k\tkara\tregion\t\n\
tg-m\tmaritime (region)\tregion\t\n\
tg-p\tplateaux\tregion\t\n\
tg-s\tsavanes\tregion\t\n\
th-10\tkrung thep maha nakhon\tmetropolitan administration\t\n\
th-11\tsamut prakan\tprovince\t\n\
th-12\tnonthaburi\tprovince\t\n\
th-13\tpathum thani\tprovince\t\n\
th-14\tphra nakhon si ayutthaya\tprovince\t\n\
th-15\tang thong\tprovince\t\n\
th-16\tlop buri\tprovince\t\n\
th-17\tsing buri\tprovince\t\n\
th-18\tchai nat\tprovince\t\n\
th-19\tsaraburi\tprovince\t\n\
th-20\tchon buri\tprovince\t\n\
th-21\trayong\tprovince\t\n\
th-22\tchanthaburi\tprovince\t\n\
th-23\ttrat\tprovince\t\n\
th-24\tchachoengsao\tprovince\t\n\
th-25\tprachin buri\tprovince\t\n\
th-26\tnakhon nayok\tprovince\t\n\
th-27\tsa kaeo\tprovince\t\n\
th-30\tnakhon ratchasima\tprovince\t\n\
th-31\tburi ram\tprovince\t\n\
th-32\tsurin\tprovince\t\n\
th-33\tsi sa ket\tprovince\t\n\
th-34\tubon ratchathani\tprovince\t\n\
th-35\tyasothon\tprovince\t\n\
th-36\tchaiyaphum\tprovince\t\n\
th-37\tamnat charoen\tprovince\t\n\
th-38\tbueng kan\tprovince\t\n\
th-39\tnong bua lam phu\tprovince\t\n\
th-40\tkhon kaen\tprovince\t\n\
th-41\tudon thani\tprovince\t\n\
th-42\tloei\tprovince\t\n\
th-43\tnong khai\tprovince\t\n\
th-44\tmaha sarakham\tprovince\t\n\
th-45\troi et\tprovince\t\n\
th-46\tkalasin\tprovince\t\n\
th-47\tsakon nakhon\tprovince\t\n\
th-48\tnakhon phanom\tprovince\t\n\
th-49\tmukdahan\tprovince\t\n\
th-50\tchiang mai\tprovince\t\n\
th-51\tlamphun\tprovince\t\n\
th-52\tlampang\tprovince\t\n\
th-53\tuttaradit\tprovince\t\n\
th-54\tphrae\tprovince\t\n\
th-55\tnan\tprovince\t\n\
th-56\tphayao\tprovince\t\n\
th-57\tchiang rai\tprovince\t\n\
th-58\tmae hong son\tprovince\t\n\
th-60\tnakhon sawan\tprovince\t\n\
th-61\tuthai thani\tprovince\t\n\
th-62\tkamphaeng phet\tprovince\t\n\
th-63\ttak\tprovince\t\n\
th-64\tsukhothai\tprovince\t\n\
th-65\tphitsanulok\tprovince\t\n\
th-66\tphichit\tprovince\t\n\
th-67\tphetchabun\tprovince\t\n\
th-70\tratchaburi\tprovince\t\n\
th-71\tkanchanaburi\tprovince\t\n\
th-72\tsuphan buri\tprovince\t\n\
th-73\tnakhon pathom\tprovince\t\n\
th-74\tsamut sakhon\tprovince\t\n\
th-75\tsamut songkhram\tprovince\t\n\
th-76\tphetchaburi\tprovince\t\n\
th-77\tprachuap khiri khan\tprovince\t\n\
th-80\tnakhon si thammarat\tprovince\t\n\
th-81\tkrabi\tprovince\t\n\
th-82\tphangnga\tprovince\t\n\
th-83\tphuket\tprovince\t\n\
th-84\tsurat thani\tprovince\t\n\
th-85\tranong\tprovince\t\n\
th-86\tchumphon\tprovince\t\n\
th-90\tsongkhla\tprovince\t\n\
th-91\tsatun\tprovince\t\n\
th-92\ttrang\tprovince\t\n\
th-93\tphatthalung\tprovince\t\n\
th-94\tpattani\tprovince\t\n\
th-95\tyala\tprovince\t\n\
th-96\tnarathiwat\tprovince\t\n\
th-s\tphatthaya\tspecial administrative city\t\n\
tj-du\tdushanbe\tcapital territory\t\n\
tj-gb\tkuhistoni badakhshon\tautonomous region\t\n\
tj-kt\tkhatlon\tregion\t\n\
tj-ra\tnohiyahoi tobei jumhuri\tdistricts under republic administration\t\n\
tj-su\tsughd\tregion\t\n\
tl-al\taileu\tmunicipality\t\n\
tl-an\tainaro\tmunicipality\t\n\
tl-ba\tbaucau\tmunicipality\t\n\
tl-bo\tbobonaro\tmunicipality\t\n\
tl-co\tcova lima\tmunicipality\t\n\
tl-di\tdili\tmunicipality\t\n\
tl-er\termera\tmunicipality\t\n\
tl-la\tlautein\tmunicipality\t\n\
tl-li\tlikisa\tmunicipality\t\n\
tl-mf\tmanufahi\tmunicipality\t\n\
tl-mt\tmanatuto\tmunicipality\t\n\
tl-oe\toekusi-ambenu\tspecial administrative region\t\n\
tl-vi\tvikeke\tmunicipality\t\n\
tm-a\tahal\tregion\t\n\
tm-b\tbalkan\tregion\t\n\
tm-d\tdasoguz\tregion\t\n\
tm-l\tlebap\tregion\t\n\
tm-m\tmary\tregion\t\n\
tm-s\tasgabat\tcity\t\n\
tn-11\ttunis\tgovernorate\t\n\
tn-12\tl'ariana\tgovernorate\t\n\
tn-13\tben arous\tgovernorate\t\n\
tn-14\tla manouba\tgovernorate\t\n\
tn-21\tnabeul\tgovernorate\t\n\
tn-22\tzaghouan\tgovernorate\t\n\
tn-23\tbizerte\tgovernorate\t\n\
tn-31\tbeja\tgovernorate\t\n\
tn-32\tjendouba\tgovernorate\t\n\
tn-33\tle kef\tgovernorate\t\n\
tn-34\tsiliana\tgovernorate\t\n\
tn-41\tkairouan\tgovernorate\t\n\
tn-42\tkasserine\tgovernorate\t\n\
tn-43\tsidi bouzid\tgovernorate\t\n\
tn-51\tsousse\tgovernorate\t\n\
tn-52\tmonastir\tgovernorate\t\n\
tn-53\tmahdia\tgovernorate\t\n\
tn-61\tsfax\tgovernorate\t\n\
tn-71\tgafsa\tgovernorate\t\n\
tn-72\ttozeur\tgovernorate\t\n\
tn-73\tkebili\tgovernorate\t\n\
tn-81\tgabes\tgovernorate\t\n\
tn-82\tmedenine\tgovernorate\t\n\
tn-83\ttataouine\tgovernorate\t\n\
to-01\t'eua\tdivision\t\n\
to-02\tha'apai\tdivision\t\n\
to-03\tniuas\tdivision\t\n\
to-04\ttongatapu\tdivision\t\n\
to-05\tvava'u\tdivision\t\n\
tr-01\tadana\tprovince\t\n\
tr-02\tadıyaman\tprovince\t\n\
tr-03\tafyonkarahisar\tprovince\t\n\
tr-04\tagrı\tprovince\t\n\
tr-05\tamasya\tprovince\t\n\
tr-06\tankara\tprovince\t\n\
tr-07\tantalya\tprovince\t\n\
tr-08\tartvin\tprovince\t\n\
tr-09\taydın\tprovince\t\n\
tr-10\tbalıkesir\tprovince\t\n\
tr-11\tbilecik\tprovince\t\n\
tr-12\tbingol\tprovince\t\n\
tr-13\tbitlis\tprovince\t\n\
tr-14\tbolu\tprovince\t\n\
tr-15\tburdur\tprovince\t\n\
tr-16\tbursa\tprovince\t\n\
tr-17\tcanakkale\tprovince\t\n\
tr-18\tcankırı\tprovince\t\n\
tr-19\tcorum\tprovince\t\n\
tr-20\tdenizli\tprovince\t\n\
tr-21\tdiyarbakır\tprovince\t\n\
tr-22\tedirne\tprovince\t\n\
tr-23\telazıg\tprovince\t\n\
tr-24\terzincan\tprovince\t\n\
tr-25\terzurum\tprovince\t\n\
tr-26\teskisehir\tprovince\t\n\
tr-27\tgaziantep\tprovince\t\n\
tr-28\tgiresun\tprovince\t\n\
tr-29\tgumushane\tprovince\t\n\
tr-30\thakkari\tprovince\t\n\
tr-31\thatay\tprovince\t\n\
tr-32\tisparta\tprovince\t\n\
tr-33\tmersin\tprovince\t\n\
tr-34\tistanbul\tprovince\t\n\
tr-35\tizmir\tprovince\t\n\
tr-36\tkars\tprovince\t\n\
tr-37\tkastamonu\tprovince\t\n\
tr-38\tkayseri\tprovince\t\n\
tr-39\tkırklareli\tprovince\t\n\
tr-40\tkırsehir\tprovince\t\n\
tr-41\tkocaeli\tprovince\t\n\
tr-42\tkonya\tprovince\t\n\
tr-43\tkutahya\tprovince\t\n\
tr-44\tmalatya\tprovince\t\n\
tr-45\tmanisa\tprovince\t\n\
tr-46\tkahramanmaras\tprovince\t\n\
tr-47\tmardin\tprovince\t\n\
tr-48\tmugla\tprovince\t\n\
tr-49\tmus\tprovince\t\n\
tr-50\tnevsehir\tprovince\t\n\
tr-51\tnigde\tprovince\t\n\
tr-52\tordu\tprovince\t\n\
tr-53\trize\tprovince\t\n\
tr-54\tsakarya\tprovince\t\n\
tr-55\tsamsun\tprovince\t\n\
tr-56\tsiirt\tprovince\t\n\
tr-57\tsinop\tprovince\t\n\
tr-58\tsivas\tprovince\t\n\
tr-59\ttekirdag\tprovince\t\n\
tr-60\ttokat\tprovince\t\n\
tr-61\ttrabzon\tprovince\t\n\
tr-62\ttunceli\tprovince\t\n\
tr-63\tsanlıurfa\tprovince\t\n\
tr-64\tusak\tprovince\t\n\
tr-65\tvan\tprovince\t\n\
tr-66\tyozgat\tprovince\t\n\
tr-67\tzonguldak\tprovince\t\n\
tr-68\taksaray\tprovince\t\n\
tr-69\tbayburt\tprovince\t\n\
tr-70\tkaraman\tprovince\t\n\
tr-71\tkırıkkale\tprovince\t\n\
tr-72\tbatman\tprovince\t\n\
tr-73\tsırnak\tprovince\t\n\
tr-74\tbartın\tprovince\t\n\
tr-75\tardahan\tprovince\t\n\
tr-76\tigdır\tprovince\t\n\
tr-77\tyalova\tprovince\t\n\
tr-78\tkarabuk\tprovince\t\n\
tr-79\tkilis\tprovince\t\n\
tr-80\tosmaniye\tprovince\t\n\
tr-81\tduzce\tprovince\t\n\
tt-ari\tarima\tborough\t\n\
tt-cha\tchaguanas\tborough\t\n\
tt-ctt\tcouva-tabaquite-talparo\tregion\t\n\
tt-dmn\tdiego martin\tregion\t\n\
tt-mrc\tmayaro-rio claro\tregion\t\n\
tt-ped\tpenal-debe\tregion\t\n\
tt-pos\tport of spain\tcity\t\n\
tt-prt\tprinces town\tregion\t\n\
tt-ptf\tpoint fortin\tborough\t\n\
tt-sfo\tsan fernando\tcity\t\n\
tt-sge\tsangre grande\tregion\t\n\
tt-sip\tsiparia\tregion\t\n\
tt-sjl\tsan juan-laventille\tregion\t\n\
tt-tob\ttobago\tward\t\n\
tt-tup\ttunapuna-piarco\tregion\t\n\
tv-fun\tfunafuti\ttown council\t\n\
tv-nit\tniutao\tisland council\t\n\
tv-nkf\tnukufetau\tisland council\t\n\
tv-nkl\tnukulaelae\tisland council\t\n\
tv-nma\tnanumea\tisland council\t\n\
tv-nmg\tnanumaga\tisland council\t\n\
tv-nui\tnui\tisland council\t\n\
tv-vai\tvaitupu\tisland council\t\n\
tw-cha\tchanghua\tcounty\t\n\
tw-cyi\tchiayi\tcity\t\n\
tw-cyq\tchiayi\tcounty\t\n\
tw-hsq\thsinchu\tcounty\t\n\
tw-hsz\thsinchu\tcity\t\n\
tw-hua\thualien\tcounty\t\n\
tw-ila\tyilan\tcounty\t\n\
tw-kee\tkeelung\tcity\t\n\
tw-khh\tkaohsiung\tspecial municipality\t\n\
tw-kin\tkinmen\tcounty\t\n\
tw-lie\tlienchiang\tcounty\t\n\
tw-mia\tmiaoli\tcounty\t\n\
tw-nan\tnantou\tcounty\t\n\
tw-nwt\tnew taipei\tspecial municipality\t\n\
tw-pen\tpenghu\tcounty\t\n\
tw-pif\tpingtung\tcounty\t\n\
tw-tao\ttaoyuan\tspecial municipality\t\n\
tw-tnn\ttainan\tspecial municipality\t\n\
tw-tpe\ttaipei\tspecial municipality\t\n\
tw-ttt\ttaitung\tcounty\t\n\
tw-txg\ttaichung\tspecial municipality\t\n\
tw-yun\tyunlin\tcounty\t\n\
tz-01\tarusha\tregion\t\n\
tz-02\tdar es salaam\tregion\t\n\
tz-03\tdodoma\tregion\t\n\
tz-04\tiringa\tregion\t\n\
tz-05\tkagera\tregion\t\n\
tz-06\tpemba north\tregion\t\n\
tz-07\tzanzibar north\tregion\t\n\
tz-08\tkigoma\tregion\t\n\
tz-09\tkilimanjaro\tregion\t\n\
tz-10\tpemba south\tregion\t\n\
tz-11\tzanzibar south\tregion\t\n\
tz-12\tlindi\tregion\t\n\
tz-13\tmara\tregion\t\n\
tz-14\tmbeya\tregion\t\n\
tz-15\tzanzibar west\tregion\t\n\
tz-16\tmorogoro\tregion\t\n\
tz-17\tmtwara\tregion\t\n\
tz-18\tmwanza\tregion\t\n\
tz-19\tcoast\tregion\t\n\
tz-20\trukwa\tregion\t\n\
tz-21\truvuma\tregion\t\n\
tz-22\tshinyanga\tregion\t\n\
tz-23\tsingida\tregion\t\n\
tz-24\ttabora\tregion\t\n\
tz-25\ttanga\tregion\t\n\
tz-26\tmanyara\tregion\t\n\
tz-27\tgeita\tregion\t\n\
tz-28\tkatavi\tregion\t\n\
tz-29\tnjombe\tregion\t\n\
tz-30\tsimiyu\tregion\t\n\
tz-31\tsongwe\tregion\t\n\
ua-05\tvinnytska oblast\tregion\t\n\
ua-07\tvolynska oblast\tregion\t\n\
ua-09\tluhanska oblast\tregion\t\n\
ua-12\tdnipropetrovska oblast\tregion\t\n\
ua-14\tdonetska oblast\tregion\t\n\
ua-18\tzhytomyrska oblast\tregion\t\n\
ua-21\tzakarpatska oblast\tregion\t\n\
ua-23\tzaporizka oblast\tregion\t\n\
ua-26\tivano-frankivska oblast\tregion\t\n\
ua-30\tkyiv\tcity\t\n\
ua-32\tkyivska oblast\tregion\t\n\
ua-35\tkirovohradska oblast\tregion\t\n\
ua-40\tsevastopol\tcity\t\n\
ua-43\tavtonomna respublika krym\trepublic\t\n\
ua-46\tlvivska oblast\tregion\t\n\
ua-48\tmykolaivska oblast\tregion\t\n\
ua-51\todeska oblast\tregion\t\n\
ua-53\tpoltavska oblast\tregion\t\n\
ua-56\trivnenska oblast\tregion\t\n\
ua-59\tsumska oblast\tregion\t\n\
ua-61\tternopilska oblast\tregion\t\n\
ua-63\tkharkivska oblast\tregion\t\n\
ua-65\tkhersonska oblast\tregion\t\n\
ua-68\tkhmelnytska oblast\tregion\t\n\
ua-71\tcherkaska oblast\tregion\t\n\
ua-74\tchernihivska oblast\tregion\t\n\
ua-77\tchernivetska oblast\tregion\t\n\
ug-101\tkalangala\tdistrict\tug-c\n\
ug-102\tkampala\tcity\tug-c\n\
ug-103\tkiboga\tdistrict\tug-c\n\
ug-104\tluwero\tdistrict\tug-c\n\
ug-105\tmasaka\tdistrict\tug-c\n\
ug-106\tmpigi\tdistrict\tug-c\n\
ug-107\tmubende\tdistrict\tug-c\n\
ug-108\tmukono\tdistrict\tug-c\n\
ug-109\tnakasongola\tdistrict\tug-c\n\
ug-110\trakai\tdistrict\tug-c\n\
ug-111\tsembabule\tdistrict\tug-c\n\
ug-112\tkayunga\tdistrict\tug-c\n\
ug-113\twakiso\tdistrict\tug-c\n\
ug-114\tlyantonde\tdistrict\tug-c\n\
ug-115\tmityana\tdistrict\tug-c\n\
ug-116\tnakaseke\tdistrict\tug-c\n\
ug-117\tbuikwe\tdistrict\tug-c\n\
ug-118\tbukomansibi\tdistrict\tug-c\n\
ug-119\tbutambala\tdistrict\tug-c\n\
ug-120\tbuvuma\tdistrict\tug-c\n\
ug-121\tgomba\tdistrict\tug-c\n\
ug-122\tkalungu\tdistrict\tug-c\n\
ug-123\tkyankwanzi\tdistrict\tug-c\n\
ug-124\tlwengo\tdistrict\tug-c\n\
ug-125\tkyotera\tdistrict\tug-c\n\
ug-126\tkasanda\tdistrict\tug-c\n\
ug-201\tbugiri\tdistrict\tug-e\n\
ug-202\tbusia\tdistrict\tug-e\n\
ug-203\tiganga\tdistrict\tug-e\n\
ug-204\tjinja\tdistrict\tug-e\n\
ug-205\tkamuli\tdistrict\tug-e\n\
ug-206\tkapchorwa\tdistrict\tug-e\n\
ug-207\tkatakwi\tdistrict\tug-e\n\
ug-208\tkumi\tdistrict\tug-e\n\
ug-209\tmbale\tdistrict\tug-e\n\
ug-210\tpallisa\tdistrict\tug-e\n\
ug-211\tsoroti\tdistrict\tug-e\n\
ug-212\ttororo\tdistrict\tug-e\n\
ug-213\tkaberamaido\tdistrict\tug-e\n\
ug-214\tmayuge\tdistrict\tug-e\n\
ug-215\tsironko\tdistrict\tug-e\n\
ug-216\tamuria\tdistrict\tug-e\n\
ug-217\tbudaka\tdistrict\tug-e\n\
ug-218\tbududa\tdistrict\tug-e\n\
ug-219\tbukedea\tdistrict\tug-e\n\
ug-220\tbukwo\tdistrict\tug-e\n\
ug-221\tbutaleja\tdistrict\tug-e\n\
ug-222\tkaliro\tdistrict\tug-e\n\
ug-223\tmanafwa\tdistrict\tug-e\n\
ug-224\tnamutumba\tdistrict\tug-e\n\
ug-225\tbulambuli\tdistrict\tug-e\n\
ug-226\tbuyende\tdistrict\tug-e\n\
ug-227\tkibuku\tdistrict\tug-e\n\
ug-228\tkween\tdistrict\tug-e\n\
ug-229\tluuka\tdistrict\tug-e\n\
ug-230\tnamayingo\tdistrict\tug-e\n\
ug-231\tngora\tdistrict\tug-e\n\
ug-232\tserere\tdistrict\tug-e\n\
ug-233\tbutebo\tdistrict\tug-e\n\
ug-234\tnamisindwa\tdistrict\tug-e\n\
ug-235\tbugweri\tdistrict\tug-e\n\
ug-236\tkapelebyong\tdistrict\tug-e\n\
ug-237\tkalaki\tdistrict\tug-e\n\
ug-301\tadjumani\tdistrict\tug-n\n\
ug-302\tapac\tdistrict\tug-n\n\
ug-303\tarua\tdistrict\tug-n\n\
ug-304\tgulu\tdistrict\tug-n\n\
ug-305\tkitgum\tdistrict\tug-n\n\
ug-306\tkotido\tdistrict\tug-n\n\
ug-307\tlira\tdistrict\tug-n\n\
ug-308\tmoroto\tdistrict\tug-n\n\
ug-309\tmoyo\tdistrict\tug-n\n\
ug-310\tnebbi\tdistrict\tug-n\n\
ug-311\tnakapiripirit\tdistrict\tug-n\n\
ug-312\tpader\tdistrict\tug-n\n\
ug-313\tyumbe\tdistrict\tug-n\n\
ug-314\tabim\tdistrict\tug-n\n\
ug-315\tamolatar\tdistrict\tug-n\n\
ug-316\tamuru\tdistrict\tug-n\n\
ug-317\tdokolo\tdistrict\tug-n\n\
ug-318\tkaabong\tdistrict\tug-n\n\
ug-319\tkoboko\tdistrict\tug-n\n\
ug-320\tmaracha\tdistrict\tug-n\n\
ug-321\toyam\tdistrict\tug-n\n\
ug-322\tagago\tdistrict\tug-n\n\
ug-323\talebtong\tdistrict\tug-n\n\
ug-324\tamudat\tdistrict\tug-n\n\
ug-325\tkole\tdistrict\tug-n\n\
ug-326\tlamwo\tdistrict\tug-n\n\
ug-327\tnapak\tdistrict\tug-n\n\
ug-328\tnwoya\tdistrict\tug-n\n\
ug-329\totuke\tdistrict\tug-n\n\
ug-330\tzombo\tdistrict\tug-n\n\
ug-331\tomoro\tdistrict\tug-n\n\
ug-332\tpakwach\tdistrict\tug-n\n\
ug-333\tkwania\tdistrict\tug-n\n\
ug-334\tnabilatuk\tdistrict\tug-n\n\
ug-335\tkarenga\tdistrict\tug-n\n\
ug-336\tmadi-okollo\tdistrict\tug-n\n\
ug-337\tobongi\tdistrict\tug-n\n\
ug-401\tbundibugyo\tdistrict\tug-w\n\
ug-402\tbushenyi\tdistrict\tug-w\n\
ug-403\thoima\tdistrict\tug-w\n\
ug-404\tkabale\tdistrict\tug-w\n\
ug-405\tkabarole\tdistrict\tug-w\n\
ug-406\tkasese\tdistrict\tug-w\n\
ug-407\tkibaale\tdistrict\tug-w\n\
ug-408\tkisoro\tdistrict\tug-w\n\
ug-409\tmasindi\tdistrict\tug-w\n\
ug-410\tmbarara\tdistrict\tug-w\n\
ug-411\tntungamo\tdistrict\tug-w\n\
ug-412\trukungiri\tdistrict\tug-w\n\
ug-413\tkamwenge\tdistrict\tug-w\n\
ug-414\tkanungu\tdistrict\tug-w\n\
ug-415\tkyenjojo\tdistrict\tug-w\n\
ug-416\tbuliisa\tdistrict\tug-w\n\
ug-417\tibanda\tdistrict\tug-w\n\
ug-418\tisingiro\tdistrict\tug-w\n\
ug-419\tkiruhura\tdistrict\tug-w\n\
ug-420\tbuhweju\tdistrict\tug-w\n\
ug-421\tkiryandongo\tdistrict\tug-w\n\
ug-422\tkyegegwa\tdistrict\tug-w\n\
ug-423\tmitooma\tdistrict\tug-w\n\
ug-424\tntoroko\tdistrict\tug-w\n\
ug-425\trubirizi\tdistrict\tug-w\n\
ug-426\tsheema\tdistrict\tug-w\n\
ug-427\tkagadi\tdistrict\tug-w\n\
ug-428\tkakumiro\tdistrict\tug-w\n\
ug-429\trubanda\tdistrict\tug-w\n\
ug-430\tbunyangabu\tdistrict\tug-w\n\
ug-431\trukiga\tdistrict\tug-w\n\
ug-432\tkikuube\tdistrict\tug-w\n\
ug-433\tkazo\tdistrict\tug-w\n\
ug-434\tkitagwenda\tdistrict\tug-w\n\
ug-435\trwampara\tdistrict\tug-w\n\
ug-c\tcentral\tgeographical region\t\n\
ug-e\teastern\tgeographical region\t\n\
ug-n\tnorthern\tgeographical region\t\n\
ug-w\twestern\tgeographical region\t\n\
um-67\tjohnston atoll\tislands, groups of islands\t\n\
um-71\tmidway islands\tislands, groups of islands\t\n\
um-76\tnavassa island\tislands, groups of islands\t\n\
um-79\twake island\tislands, groups of islands\t\n\
um-81\tbaker island\tislands, groups of islands\t\n\
um-84\thowland island\tislands, groups of islands\t\n\
um-86\tjarvis island\tislands, groups of islands\t\n\
um-89\tkingman reef\tislands, groups of islands\t\n\
um-95\tpalmyra atoll\tislands, groups of islands\t\n\
us-ak\talaska\tstate\t\n\
us-al\talabama\tstate\t\n\
us-ar\tarkansas\tstate\t\n\
us-as\tamerican samoa\toutlying area\t\n\
us-az\tarizona\tstate\t\n\
us-ca\tcalifornia\tstate\t\n\
us-co\tcolorado\tstate\t\n\
us-ct\tconnecticut\tstate\t\n\
us-dc\tdistrict of columbia\tdistrict\t\n\
us-de\tdelaware\tstate\t\n\
us-fl\tflorida\tstate\t\n\
us-ga\tgeorgia\tstate\t\n\
us-gu\tguam\toutlying area\t\n\
us-hi\thawaii\tstate\t\n\
us-ia\tiowa\tstate\t\n\
us-id\tidaho\tstate\t\n\
us-il\tillinois\tstate\t\n\
us-in\tindiana\tstate\t\n\
us-ks\tkansas\tstate\t\n\
us-ky\tkentucky\tstate\t\n\
us-la\tlouisiana\tstate\t\n\
us-ma\tmassachusetts\tstate\t\n\
us-md\tmaryland\tstate\t\n\
us-me\tmaine\tstate\t\n\
us-mi\tmichigan\tstate\t\n\
us-mn\tminnesota\tstate\t\n\
us-mo\tmissouri\tstate\t\n\
us-mp\tnorthern mariana islands\toutlying area\t\n\
us-ms\tmississippi\tstate\t\n\
us-mt\tmontana\tstate\t\n\
us-nc\tnorth carolina\tstate\t\n\
us-nd\tnorth dakota\tstate\t\n\
us-ne\tnebraska\tstate\t\n\
us-nh\tnew hampshire\tstate\t\n\
us-nj\tnew jersey\tstate\t\n\
us-nm\tnew mexico\tstate\t\n\
us-nv\tnevada\tstate\t\n\
us-ny\tnew york\tstate\t\n\
us-oh\tohio\tstate\t\n\
us-ok\toklahoma\tstate\t\n\
us-or\toregon\tstate\t\n\
us-pa\tpennsylvania\tstate\t\n\
us-pr\tpuerto rico\toutlying area\t\n\
us-ri\trhode island\tstate\t\n\
us-sc\tsouth carolina\tstate\t\n\
us-sd\tsouth dakota\tstate\t\n\
us-tn\ttennessee\tstate\t\n\
us-tx\ttexas\tstate\t\n\
us-um\tunited states minor outlying islands\toutlying area\t\n\
us-ut\tutah\tstate\t\n\
us-va\tvirginia\tstate\t\n\
us-vi\tvirgin islands, u.s.\toutlying area\t\n\
us-vt\tvermont\tstate\t\n\
us-wa\twashington\tstate\t\n\
us-wi\twisconsin\tstate\t\n\
us-wv\twest virginia\tstate\t\n\
us-wy\twyoming\tstate\t\n\
uy-ar\tartigas\tdepartment\t\n\
uy-ca\tcanelones\tdepartment\t\n\
uy-cl\tcerro largo\tdepartment\t\n\
uy-co\tcolonia\tdepartment\t\n\
uy-du\tdurazno\tdepartment\t\n\
uy-fd\tflorida\tdepartment\t\n\
uy-fs\tflores\tdepartment\t\n\
uy-la\tlavalleja\tdepartment\t\n\
uy-ma\tmaldonado\tdepartment\t\n\
uy-mo\tmontevideo\tdepartment\t\n\
uy-pa\tpaysandu\tdepartment\t\n\
uy-rn\trio negro\tdepartment\t\n\
uy-ro\trocha\tdepartment\t\n\
uy-rv\trivera\tdepartment\t\n\
uy-sa\tsalto\tdepartment\t\n\
uy-sj\tsan jose\tdepartment\t\n\
uy-so\tsoriano\tdepartment\t\n\
uy-ta\ttacuarembo\tdepartment\t\n\
uy-tt\ttreinta y tres\tdepartment\t\n\
uz-an\tandijon\tregion\t\n\
uz-bu\tbuxoro\tregion\t\n\
uz-fa\tfarg‘ona\tregion\t\n\
uz-ji\tjizzax\tregion\t\n\
uz-ng\tnamangan\tregion\t\n\
uz-nw\tnavoiy\tregion\t\n\
uz-qa\tqashqadaryo\tregion\t\n\
uz-qr\tqoraqalpog‘iston respublikasi\trepublic\t\n\
uz-sa\tsamarqand\tregion\t\n\
uz-si\tsirdaryo\tregion\t\n\
uz-su\tsurxondaryo\tregion\t\n\
uz-tk\ttoshkent\tcity\t\n\
uz-to\ttoshkent\tregion\t\n\
uz-xo\txorazm\tregion\t\n\
vc-01\tcharlotte\tparish\t\n\
vc-02\tsaint andrew\tparish\t\n\
vc-03\tsaint david\tparish\t\n\
vc-04\tsaint george\tparish\t\n\
vc-05\tsaint patrick\tparish\t\n\
vc-06\tgrenadines\tparish\t\n\
ve-a\tdistrito capital\tcapital district\t\n\
ve-b\tanzoategui\tstate\t\n\
ve-c\tapure\tstate\t\n\
ve-d\taragua\tstate\t\n\
ve-e\tbarinas\tstate\t\n\
ve-f\tbolivar\tstate\t\n\
ve-g\tcarabobo\tstate\t\n\
ve-h\tcojedes\tstate\t\n\
ve-i\tfalcon\tstate\t\n\
ve-j\tguarico\tstate\t\n\
ve-k\tlara\tstate\t\n\
ve-l\tmerida\tstate\t\n\
ve-m\tmiranda\tstate\t\n\
ve-n\tmonagas\tstate\t\n\
ve-o\tnueva esparta\tstate\t\n\
ve-p\tportuguesa\tstate\t\n\
ve-r\tsucre\tstate\t\n\
ve-s\ttachira\tstate\t\n\
ve-t\ttrujillo\tstate\t\n\
ve-u\tyaracuy\tstate\t\n\
ve-v\tzulia\tstate\t\n\
ve-w\tdependencias federales\tfederal dependency\t\n\
ve-x\tla guaira\tstate\t\n\
ve-y\tdelta amacuro\tstate\t\n\
ve-z\tamazonas\tstate\t\n\
vn-01\tlai chau\tprovince\t\n\
vn-02\tlao cai\tprovince\t\n\
vn-03\tha giang\tprovince\t\n\
vn-04\tcao bang\tprovince\t\n\
vn-05\tson la\tprovince\t\n\
vn-06\tyen bai\tprovince\t\n\
vn-07\ttuyen quang\tprovince\t\n\
vn-09\tlang son\tprovince\t\n\
vn-13\tquang ninh\tprovince\t\n\
vn-14\thoa binh\tprovince\t\n\
vn-18\tninh binh\tprovince\t\n\
vn-20\tthai binh\tprovince\t\n\
vn-21\tthanh hoa\tprovince\t\n\
vn-22\tnghe an\tprovince\t\n\
vn-23\tha tinh\tprovince\t\n\
vn-24\tquang binh\tprovince\t\n\
vn-25\tquang tri\tprovince\t\n\
vn-26\tthua thien-hue\tprovince\t\n\
vn-27\tquang nam\tprovince\t\n\
vn-28\tkon tum\tprovince\t\n\
vn-29\tquang ngai\tprovince\t\n\
vn-30\tgia lai\tprovince\t\n\
vn-31\tbinh đinh\tprovince\t\n\
vn-32\tphu yen\tprovince\t\n\
vn-33\tđak lak\tprovince\t\n\
vn-34\tkhanh hoa\tprovince\t\n\
vn-35\tlam đong\tprovince\t\n\
vn-36\tninh thuan\tprovince\t\n\
vn-37\ttay ninh\tprovince\t\n\
vn-39\tđong nai\tprovince\t\n\
vn-40\tbinh thuan\tprovince\t\n\
vn-41\tlong an\tprovince\t\n\
vn-43\tba ria - vung tau\tprovince\t\n\
vn-44\tan giang\tprovince\t\n\
vn-45\tđong thap\tprovince\t\n\
vn-46\ttien giang\tprovince\t\n\
vn-47\tkien giang\tprovince\t\n\
vn-49\tvinh long\tprovince\t\n\
vn-50\tben tre\tprovince\t\n\
vn-51\ttra vinh\tprovince\t\n\
vn-52\tsoc trang\tprovince\t\n\
vn-53\tbac kan\tprovince\t\n\
vn-54\tbac giang\tprovince\t\n\
vn-55\tbac lieu\tprovince\t\n\
vn-56\tbac ninh\tprovince\t\n\
vn-57\tbinh duong\tprovince\t\n\
vn-58\tbinh phuoc\tprovince\t\n\
vn-59\tca mau\tprovince\t\n\
vn-61\thai duong\tprovince\t\n\
vn-63\tha nam\tprovince\t\n\
vn-66\thung yen\tprovince\t\n\
vn-67\tnam đinh\tprovince\t\n\
vn-68\tphu tho\tprovince\t\n\
vn-69\tthai nguyen\tprovince\t\n\
vn-70\tvinh phuc\tprovince\t\n\
vn-71\tđien bien\tprovince\t\n\
vn-72\tđak nong\tprovince\t\n\
vn-73\thau giang\tprovince\t\n\
vn-ct\tcan tho\tmunicipality\t\n\
vn-dn\tđa nang\tmunicipality\t\n\
vn-hn\tha noi\tmunicipality\t\n\
vn-hp\thai phong\tmunicipality\t\n\
vn-sg\tho chi minh\tmunicipality\t\n\
vu-map\tmalampa\tprovince\t\n\
vu-pam\tpenama\tprovince\t\n\
vu-sam\tsanma\tprovince\t\n\
vu-see\tshefa\tprovince\t\n\
vu-tae\ttafea\tprovince\t\n\
vu-tob\ttorba\tprovince\t\n\
wf-al\talo\tadministrative precinct\t\n\
wf-sg\tsigave\tadministrative precinct\t\n\
wf-uv\tuvea\tadministrative precinct\t\n\
ws-aa\ta'ana\tdistrict\t\n\
ws-al\taiga-i-le-tai\tdistrict\t\n\
ws-at\tatua\tdistrict\t\n\
ws-fa\tfa'asaleleaga\tdistrict\t\n\
ws-ge\tgaga'emauga\tdistrict\t\n\
ws-gi\tgagaifomauga\tdistrict\t\n\
ws-pa\tpalauli\tdistrict\t\n\
ws-sa\tsatupa'itea\tdistrict\t\n\
ws-tu\ttuamasaga\tdistrict\t\n\
ws-vf\tva'a-o-fonoti\tdistrict\t\n\
ws-vs\tvaisigano\tdistrict\t\n\
ye-ab\tabyan\tgovernorate\t\n\
ye-ad\t‘adan\tgovernorate\t\n\
ye-am\t‘amran\tgovernorate\t\n\
ye-ba\tal bayda’\tgovernorate\t\n\
ye-da\tad dali‘\tgovernorate\t\n\
ye-dh\tdhamar\tgovernorate\t\n\
ye-hd\thadramawt\tgovernorate\t\n\
ye-hj\thajjah\tgovernorate\t\n\
ye-hu\tal hudaydah\tgovernorate\t\n\
ye-ib\tibb\tgovernorate\t\n\
ye-ja\tal jawf\tgovernorate\t\n\
ye-la\tlahij\tgovernorate\t\n\
ye-ma\tma’rib\tgovernorate\t\n\
ye-mr\tal mahrah\tgovernorate\t\n\
ye-mw\tal mahwit\tgovernorate\t\n\
ye-ra\traymah\tgovernorate\t\n\
ye-sa\tamanat al ‘asimah [city]\tmunicipality\t\n\
ye-sd\tsaʻdah\tgovernorate\t\n\
ye-sh\tshabwah\tgovernorate\t\n\
ye-sn\tsanʻa’\tgovernorate\t\n\
ye-su\tarkhabil suqutra\tgovernorate\t\n\
ye-ta\ttaʻizz\tgovernorate\t\n\
za-ec\teastern cape\tprovince\t\n\
za-fs\tfree state\tprovince\t\n\
za-gp\tgauteng\tprovince\t\n\
za-kzn\tkwazulu-natal\tprovince\t\n\
za-lp\tlimpopo\tprovince\t\n\
za-mp\tmpumalanga\tprovince\t\n\
za-nc\tnorthern cape\tprovince\t\n\
za-nw\tnorth-west\tprovince\t\n\
za-wc\twestern cape\tprovince\t\n\
zm-01\twestern\tprovince\t\n\
zm-02\tcentral\tprovince\t\n\
zm-03\teastern\tprovince\t\n\
zm-04\tluapula\tprovince\t\n\
zm-05\tnorthern\tprovince\t\n\
zm-06\tnorth-western\tprovince\t\n\
zm-07\tsouthern\tprovince\t\n\
zm-08\tcopperbelt\tprovince\t\n\
zm-09\tlusaka\tprovince\t\n\
zm-10\tmuchinga\tprovince\t\n\
zw-bu\tbulawayo\tprovince\t\n\
zw-ha\tharare\tprovince\t\n\
zw-ma\tmanicaland\tprovince\t\n\
zw-mc\tmashonaland central\tprovince\t\n\
zw-me\tmashonaland east\tprovince\t\n\
zw-mi\tmidlands\tprovince\t\n\
zw-mn\tmatabeleland north\tprovince\t\n\
zw-ms\tmatabeleland south\tprovince\t\n\
zw-mv\tmasvingo\tprovince\t\n\
zw-mw\tmashonaland west\tprovince\t\n\
";
