<Query Kind="Statements">
  <NuGetReference>NewsParsing</NuGetReference>
  <Namespace>NewsParsing</Namespace>
  <Namespace>NodaTime</Namespace>
</Query>

// The entities, dates and numeric facts of one article.
var text = """
 date 2021-10-05 By Vugar Khalilov

Azerbaijan’s Defence Minister Zakir Hasanov and his Georgian counterpart Juansher Burchuladze have signed a bilateral cooperation plan in Tbilisi, the Defence Ministry reported on October 5.

About 2,500 troops from fifteen NATO members and partners – Azerbaijan, Georgia, the U.S, the UK, Ukraine, Poland, Romania, Turkey, Latvia, Estonia, Germany, Spain, Canada, Italy and Lithuania – participated in the drills, which lasted from July 26 to August 6.
""";

var article = NewsParser.Parse(text);
article.Entities.Dump("Entities");
article.Dates.Dump("Dates");
article.Quantities.Dump("Numeric facts");
article.Diagnostics.Dump("Diagnostics");
