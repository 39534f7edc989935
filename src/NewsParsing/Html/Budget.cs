namespace NewsParsing.Html;

/// <summary>
/// The work one page may cost: elements the tree builder creates and our walks visit, and wall-clock time. Checked
/// inside every loop over the page (the clock every 1,024 steps, so the check costs nothing measurable); once spent,
/// the walks stop and keep what they found, and the page gets a diagnostic saying which limit was reached.
/// </summary>
internal sealed class Budget
{
    private readonly long _maxSteps;
    private readonly long _deadline;
    private readonly CancellationToken _cancellation;
    private readonly TimeProvider _clock;
    private long _steps;

    public Budget(long maxSteps, TimeSpan time, TimeProvider? clock = null, CancellationToken cancellation = default)
    {
        _clock = clock ?? TimeProvider.System;
        _maxSteps = maxSteps;
        var deadline = time == Timeout.InfiniteTimeSpan || time <= TimeSpan.Zero ? double.MaxValue
            : _clock.GetTimestamp() + (time.TotalSeconds * _clock.TimestampFrequency); // in double: no overflow near the ends of long
        _deadline = deadline >= long.MaxValue ? long.MaxValue : deadline <= long.MinValue ? long.MinValue : (long)deadline;
        _cancellation = cancellation;
    }

    /// <summary>Why the budget ran out, if it did.</summary>
    public BudgetLimit Reached { get; private set; }

    public bool Exceeded => Reached != BudgetLimit.None;

    /// <summary>Counts one step; false once the steps or the time are spent.</summary>
    public bool Step()
    {
        if (Reached != BudgetLimit.None)
        {
            return false;
        }

        if (++_steps > _maxSteps)
        {
            Reached = BudgetLimit.Elements;
            return false;
        }

        if ((_steps & 1023) == 0)
        {
            return CheckClock();
        }

        return true;
    }

    /// <summary>Checks the time and the cancellation token now.</summary>
    public bool CheckClock()
    {
        if (Reached != BudgetLimit.None)
        {
            return false;
        }

        if (_cancellation.IsCancellationRequested)
        {
            Reached = BudgetLimit.Cancelled;
        }
        else if (_clock.GetTimestamp() > _deadline)
        {
            Reached = BudgetLimit.Time;
        }

        return Reached == BudgetLimit.None;
    }
}

/// <summary>Which limit a page reached.</summary>
internal enum BudgetLimit
{
    None,
    Elements,
    Time,
    Cancelled,
}
