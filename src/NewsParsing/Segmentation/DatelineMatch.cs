using NewsParsing.Agencies;

namespace NewsParsing.Segmentation;

/// <summary>The raw result of recognising a dateline: absolute offsets into the input, -1 where a part is absent.</summary>
internal struct DatelineMatch
{
    public int Start;
    public int End;
    public int PlaceStart;
    public int PlaceEnd;
    public int RegionStart;
    public int RegionEnd;
    public int DateStart;
    public int DateEnd;
    public int Month;
    public int Day;
    public int Year;
    public Agency? Agency;
    public int AgencyStart;
    public int AgencyEnd;
    public int AuthorStart;
    public int AuthorEnd;

    public static DatelineMatch Empty => new()
    {
        Start = -1,
        End = -1,
        PlaceStart = -1,
        PlaceEnd = -1,
        RegionStart = -1,
        RegionEnd = -1,
        DateStart = -1,
        DateEnd = -1,
        AgencyStart = -1,
        AgencyEnd = -1,
        AuthorStart = -1,
        AuthorEnd = -1,
    };

    public readonly bool HasPlace => PlaceStart >= 0;

    public readonly bool HasDate => DateStart >= 0;

    public readonly bool HasAgency => Agency is not null;
}
