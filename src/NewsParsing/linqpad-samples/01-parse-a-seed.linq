<Query Kind="Statements">
  <NuGetReference>NewsParsing</NuGetReference>
  <Namespace>NewsParsing</Namespace>
  <Namespace>NodaTime</Namespace>
</Query>

// Parse one article and look at it: header, dateline, body, trailer, with their spans.
var text = """
 date 2018-03-09 Baku, March 9, AZERTAC

A plan of bilateral cooperation for 2018 between the Ministries of Defense of Azerbaijan and Georgia was signed in a meeting between Minister of Defense of Azerbaijan, Colonel General Zakir Hasanov and his Georgian counterpart Levan Izoria.
""";

var article = NewsParser.Parse(text);
article.Dump("The whole article");
article.Dateline.Dump("Dateline: place, date (year inferred from the publication date), agency");
article.Body.Paragraphs.Select(p => new { p.Span, p.Text }).Dump("Paragraphs with their spans");
