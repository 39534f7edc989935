<Query Kind="Statements">
  <NuGetReference>NewsParsing</NuGetReference>
  <Namespace>NewsParsing</Namespace>
  <Namespace>NodaTime</Namespace>
</Query>

// Parse a folder of articles with one shared pipeline, then chart agencies and publication months.
// The folder: NEWSPARSING_SAMPLE_FOLDER if set, else Documents/articles; without either, three wire stories below.
var folder = Environment.GetEnvironmentVariable("NEWSPARSING_SAMPLE_FOLDER")
    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "articles");
var inputs = Directory.Exists(folder)
    ? Directory.EnumerateFiles(folder, "*.txt").Select(f => (File: Path.GetFileName(f), Text: File.ReadAllText(f))).ToList()
    : new List<(string File, string Text)>
    {
        ("baku.txt", " date 2018-03-09 Baku, March 9, AZERTAC\n\nA plan of bilateral cooperation was signed in Baku on Friday.\n"),
        ("salvador.txt", " date 1987-02-26\n    SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone.\n Reuter\n"),
        ("london.txt", " date 1987-03-09\n    LONDON, March 9 - The Bank of England forecast a shortage of around 250 mln stg.\n Reuter\n"),
    };
var parser = new NewsPipelineBuilder().Build();
var articles = inputs
    .AsParallel()
    .Select(x => (x.File, Article: parser.Parse(x.Text)))
    .ToList();

articles.GroupBy(a => a.Article.Agency?.Id ?? "(none)")
    .Select(g => new { Agency = g.Key, Articles = g.Count() })
    .OrderByDescending(x => x.Articles)
    .Chart(x => x.Agency, x => x.Articles)
    .Dump("Articles per agency");

articles.Where(a => a.Article.PublicationDate is not null)
    .GroupBy(a => new YearMonth(a.Article.PublicationDate!.Value.Year, a.Article.PublicationDate.Value.Month))
    .OrderBy(g => g.Key)
    .Select(g => new { Month = g.Key.ToString("yyyy-MM", null), Articles = g.Count() })
    .Chart(x => x.Month, x => x.Articles)
    .Dump("Articles per publication month");

articles.Select(a => new { a.File, a.Article.PublicationDate, Agency = a.Article.Agency?.Id, Place = a.Article.Dateline?.Place, Authors = string.Join(", ", a.Article.Authors.Select(x => x.Name)) })
    .Dump("Articles");
