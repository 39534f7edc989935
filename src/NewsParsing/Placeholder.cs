namespace NewsParsing; internal static class Placeholder { }
