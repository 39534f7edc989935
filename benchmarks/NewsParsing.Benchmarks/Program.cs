using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/NewsParsing.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(NewsParsing.Benchmarks.Corpus).Assembly).Run(args);
