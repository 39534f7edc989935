global using FluentAssertions;
global using NewsParsing.TestKit;
global using Xunit;
