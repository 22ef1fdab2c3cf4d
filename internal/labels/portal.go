package labels

// Portal are the words Go writes into a portal's pages (a site of many
// plans): its charts' titles, labels and descriptions.
type Portal struct {
	UnitChartTitle       Pattern `toml:"unit_chart_title" args:"unit"`
	UnitChartLabel       string  `toml:"unit_chart_label"`
	UnitChartLead        string  `toml:"unit_chart_lead"`
	UnitChartCoop        string  `toml:"unit_chart_coop"`
	UnitChartRow         Pattern `toml:"unit_chart_row" args:"plan,lead,coop"`
	UnitChartSeparator   string  `toml:"unit_chart_separator"`
	UnitChartDescription Pattern `toml:"unit_chart_description" args:"rows"`
	YearsChartTitle      string  `toml:"years_chart_title"`
	YearsChartLabel      string  `toml:"years_chart_label"`
	YearsChartSeries     string  `toml:"years_chart_series"`
	YearsChartDesc       Pattern `toml:"years_chart_description" args:"years"`
	ByPlan               string  `toml:"by_plan"`
	ByPlanLabel          string  `toml:"by_plan_label"`
	ByUnit               string  `toml:"by_unit"`
	ByUnitLabel          string  `toml:"by_unit_label"`
	FeedTitle            Pattern `toml:"feed_title" args:"plan,title"`
}
