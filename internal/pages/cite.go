package pages

import (
	"plansite/internal/plan"
	"plansite/internal/sitepath"
)

// Citation is a task's reference in the form GB/T 7714-2015 (信息与文献
// 参考文献著录规则) gives for an electronic resource. Its §4.6 (电子资源) pattern is
//
//	主要责任者. 题名: 其他题名信息[文献类型标识/文献载体标识]. 出版地: 出版者,
//	出版年: 引文页码(更新或修改日期)[引用日期]. 获取和访问路径.
//
// A web page has no place, publisher or pages, so those elements drop out,
// as in the standard's own example
//
//	萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15].
//	http://www.creader.com/news/20011219/200112190019.html.
//
// For a task that gives
//
//	广州市工业和信息化局. 广州市关于推进新一代人工智能产业发展的行动计划（2020-2022年）:
//	附件1 任务分工表 第7项[EB/OL]. (2020-02-27)[引用日期]. https://…/tasks/7/.
//
// The elements:
//
//   - 主要责任者: the issuing body, an organisation, written as it names itself.
//   - 题名: the plan's title, exactly as published, full-width brackets and all.
//   - 其他题名信息: which part is cited, the attachment and the task number;
//     the standard puts ": " before it (as in 陈登原. 国史旧闻: 第1卷[M]).
//   - [EB/OL]: EB is 电子公告 (a web page), OL is 联机网络 (online) (Annex B).
//   - (更新或修改日期): the plan's issue date, YYYY-MM-DD as the standard writes dates.
//   - [引用日期]: the day the reader looked at the page. The build cannot know
//     it and must not use its own clock (builds are byte-identical), so the
//     HTML carries a placeholder ([citation] access of the labels, 引用日期)
//     that static/cite.js replaces with the reader's date; without
//     JavaScript the reader fills it in.
//   - 获取和访问路径: the task page's canonical URL.
//
// An element the content does not give (no issuer, no issue date) is left
// out with its punctuation, as the standard does for elements a resource
// lacks, rather than printed as an empty ". " or "()"; check warns which
// site.toml keys a complete reference needs.
//
// The standard's 著录用符号 (§7) are Western punctuation, written with a
// following space in its examples, and every entry ends with a full stop.
type Citation struct {
	Before string // everything up to the access date's opening bracket
	Access string // the access date, or its placeholder
	After  string // from the access date's closing bracket to the end
}

// TaskCitation cites task t, with access as the access date.
func (s *Context) TaskCitation(t *plan.Task, access string) Citation {
	c, w := s.Config, &s.Labels.Citation
	title := c.Title
	if c.Attachment != "" {
		title += ": " + w.Part.Fill(c.Attachment, t.ID)
	} else {
		title += ": " + w.PartWithoutAttachment.Fill(t.ID)
	}
	before := title + "[EB/OL]. "
	if c.Issuer != "" {
		before = c.Issuer + ". " + before
	}
	if c.Date != "" {
		before += "(" + c.Date + ")"
	}
	after := "."
	if s.BaseURL != "" {
		after = ". " + s.BaseURL + sitepath.Task(t) + "."
	}
	return Citation{Before: before, Access: access, After: after}
}
