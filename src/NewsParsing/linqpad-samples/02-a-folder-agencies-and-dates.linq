<Query Kind="Statements">
  <NuGetReference>NewsParsing</NuGetReference>
  <Namespace>NewsParsing</Namespace>
  <Namespace>NodaTime</Namespace>
</Query>

// Parse a folder of articles with one shared pipeline, then chart agencies and publication months.
var folder = Environment.GetEnvironmentVariable("NEWSPARSING_SAMPLE_FOLDER")
    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.MyDocuments), "articles");
var parser = new NewsPipelineBuilder().Build();
var articles = Directory.EnumerateFiles(folder, "*.txt")
    .AsParallel()
    .Select(f => (File: Path.GetFileName(f), Article: parser.Parse(File.ReadAllText(f))))
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
