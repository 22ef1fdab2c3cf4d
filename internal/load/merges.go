package load

// MergesFile lists the merged cells of a CSV task table, one spreadsheet
// range (B2:B5) a line under the heading 合并单元格, as plansite import
// writes it beside the table: a CSV file cannot say which cells were one in
// the document. A workbook says it itself.
const MergesFile = "merges.csv"
