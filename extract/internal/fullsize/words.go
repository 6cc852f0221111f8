package fullsize

// The word pools the furniture is drawn from.

var sections = []string{"World", "US", "Politics", "Business", "Markets", "Technology", "Legal", "Climate", "Health", "Opinion", "Sports", "Arts", "Science", "Local", "Economy", "Energy", "Autos", "Media", "Education", "Real Estate"}

var topics = []string{"Elections 2024", "Supreme Court", "Federal Reserve", "Inflation", "Artificial intelligence", "Semiconductors", "Electric vehicles", "Oil prices", "China trade", "Ukraine war", "Middle East", "Immigration", "Housing market", "Student loans", "Wildfires", "Hurricanes", "Cybersecurity", "Antitrust", "Earnings", "IPOs", "Crypto", "Banking", "Airlines", "Health care", "Drug prices", "Public schools", "City council", "Transit", "Courts", "Crime", "Weather", "Obituaries", "Restaurants", "Travel", "Podcasts", "Newsletters", "Puzzles", "Video", "Photography", "Investigations", "Fact check", "Data journalism", "Personal finance", "Retirement", "Small business", "Startups", "Venture capital", "Labor", "Unions", "Agriculture"}

var headlines = []string{
	"Stocks close higher as investors weigh fresh jobs data",
	"What the new overtime rule means for salaried workers",
	"County approves budget with raises for sheriff's deputies",
	"Opinion: The city can't afford another delay on transit",
	"Five takeaways from the governor's State of the State speech",
	"Storm knocks out power to 200,000 customers across the region",
	"Chipmaker shares slide after forecast disappoints",
	"School board votes to close two elementary schools",
	"How a small-town bank became a target for regulators",
	"Wildfire smoke prompts air quality alerts in three states",
	"Senate panel advances bill on data brokers",
	"Airline cancels hundreds of flights after software outage",
	"Housing starts fall to lowest level since 2020",
	"The best budget laptops of the year, tested",
	"Judge orders release of records in police shooting case",
	"Retail sales rise more than expected in October",
	"Hospital system to cut 400 jobs amid losses",
	"Drought forces farmers to leave fields unplanted",
	"Police identify suspect in downtown shooting",
	"Mayor unveils plan to convert offices into apartments",
	"EU lawmakers back tougher rules on online platforms",
	"Oil falls as OPEC+ signals output increase",
	"Tech giant faces new antitrust suit over app store fees",
	"Local brewery expands with second taproom",
	"Inside the fight over the state's new voting maps",
	"Electric truck maker recalls 12,000 vehicles",
	"University settles lawsuit over tuition refunds",
	"Bank earnings beat estimates on trading revenue",
	"Watch: Crews battle blaze at abandoned warehouse",
	"Restaurant review: A neighborhood bistro finds its footing",
	"Regulators probe insurer's handling of storm claims",
	"Teachers union reaches tentative deal with district",
	"Ports brace for record holiday shipping season",
	"Census data shows suburbs growing faster than cities",
	"Startup raises $80 million to build battery recycling plants",
	"Appeals court revives challenge to pipeline permit",
	"Why mortgage rates are not falling as fast as expected",
	"Crossword: Today's puzzle and answers",
	"Obituary: Former state senator dies at 84",
	"The week in photos",
	"Gas prices dip ahead of holiday travel",
	"FDA panel backs new treatment for early Alzheimer's",
	"Cyberattack disrupts operations at regional hospital chain",
	"Lawmakers clash over funding for border security",
	"Analysis: What the jobs report says about a soft landing",
	"City to add 30 miles of protected bike lanes",
	"Automaker to build $3 billion plant in Georgia",
	"Streaming service raises prices again",
	"Farm bill talks stall over nutrition programs",
	"Live updates: Results from Tuesday's primaries",
}

var captions = []string{
	"A view of the company's headquarters.", "Shoppers walk past a store in Chicago.", "Workers at a factory floor in Ohio.",
	"Lawmakers leave the Capitol after a vote.", "A container ship at the port of Long Beach.", "The skyline of Lower Manhattan at dusk.",
	"Protesters gather outside the courthouse.", "A solar farm in the Mojave Desert.",
}

var cssBlocks = []string{"c-header", "c-nav", "c-article", "c-card", "c-rail", "c-footer", "c-ad", "c-byline", "c-share", "c-media", "c-newsletter", "c-paywall", "c-promo", "c-related", "c-video", "o-grid", "o-layout", "u-spacing"}

var cssElems = []string{"item", "link", "title", "body", "media", "caption", "wrapper", "inner", "label", "icon", "button", "list", "meta", "kicker", "teaser", "time"}

var cssDecls = []string{"display:flex", "display:none", "display:block", "flex-direction:column", "align-items:center", "justify-content:space-between", "margin:0 auto", "margin-bottom:16px", "padding:8px 12px", "padding:0", "font-family:var(--font-serif),Georgia,serif", "font-size:1.125rem", "font-weight:700", "line-height:1.5", "color:#121212", "color:var(--color-accent)", "background:#fff", "border-bottom:1px solid #e2e2e2", "max-width:680px", "width:100%", "position:relative", "position:absolute", "top:0", "z-index:10", "overflow:hidden", "text-transform:uppercase", "letter-spacing:.04em", "transition:opacity .2s ease-in-out", "grid-template-columns:repeat(auto-fill,minmax(240px,1fr))", "gap:24px"}

var footerHeads = []string{"News", "Sections", "Company", "Subscriptions", "Contact"}

var footerLinks = []string{"About Us", "Contact Us", "Careers", "Advertise", "Newsletters", "Subscribe", "Manage Subscription", "Gift Subscriptions", "e-Edition", "Help Center", "Accessibility", "Terms of Use", "Privacy Policy", "Cookie Settings", "Do Not Sell My Personal Information", "Ethics Policy", "Corrections", "Site Map", "Archives", "Obituaries", "Classifieds", "Jobs", "Public Notices", "Podcasts", "Events", "Store", "Reprints & Permissions", "News Tips", "Masthead", "Licensing"}

var commenters = []string{"Linda K.", "mike_from_ohio", "Robert Haines", "concernedcitizen", "J. Alvarez", "Sarah T", "oldtimer52", "Dave Reynolds", "Priya N.", "TheRealTom", "margaret w", "Chris P.", "skeptic2020", "Ann Marie Duffy", "Kevin O'Brien"}

var commentSentences = []string{
	"This is exactly what I expected would happen.", "Great reporting, thank you for covering this.",
	"I don't see how anyone could be surprised by this.", "Follow the money and you'll find the answer.",
	"My family has lived here for forty years and nobody ever asked us.", "Does anyone know if this affects people who already signed up?",
	"The article leaves out the most important part.", "Typical. They announce it on a Friday afternoon.",
	"I work in this industry and it is more complicated than it sounds.", "Where is the oversight?",
	"Thanks for the clear explanation.", "Another headline that will be forgotten in a week.",
	"Can you do a follow-up on what happens next?", "Prices keep going up and wages don't.",
	"I called my representative's office and got no answer.", "This will end up in court, mark my words.",
	"Good news for once.", "Why is nobody talking about the cost to taxpayers?",
	"Reading this from overseas, it looks very different from here.", "The comments here are more informative than the article.",
}
