namespace NewsParsing.Tests.Infrastructure;

/// <summary>
/// A clock for deterministic tests of time budgets and cancellation: each look at the time (<see cref="GetTimestamp"/>)
/// is counted, moves the time on by <see cref="Step"/>, and can run an action at a chosen look, so a test states "the
/// budget is spent after ten looks" or "the token is cancelled at the 40th look" without measuring wall-clock time.
/// </summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _now;

    /// <summary>The first timestamp read (0 unless set).</summary>
    public long Start
    {
        init => _now = value;
    }

    /// <summary>How far each look moves the time.</summary>
    public TimeSpan Step { get; } = step;

    /// <summary>How many times the time was looked at.</summary>
    public int Reads { get; private set; }

    /// <summary>The look (1-based) at which <see cref="OnRead"/> runs; 0 for none.</summary>
    public int ActAt { get; init; }

    /// <summary>What runs at look <see cref="ActAt"/>.</summary>
    public Action? OnRead { get; init; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        Reads++;
        if (Reads == ActAt)
        {
            OnRead?.Invoke();
        }

        var now = _now;
        _now += Step.Ticks;
        return now;
    }
}
