using System.Runtime.CompilerServices;

namespace NewsParsing;

/// <summary>
/// The time budget (<see cref="NewsPipelineOptions.TimeBudget"/>) and cancellation token of one parse, kept in its
/// <see cref="ParseWorkspace"/>. Stages call <see cref="Tick"/> once per token — a decrement and a compare, inlined — and
/// it looks at the token and the clock only every <see cref="Stride"/> calls, so the check does not show in the parse
/// time (docs/robustness.md gives the measurement); <see cref="Check"/> looks at once, for per-paragraph and per-stage
/// points. Once the budget is exceeded it stays so until the parse ends.
/// </summary>
internal sealed class ParseBudget
{
    /// <summary>Tokens between two looks at the clock: about 256 × 50 ns, so a budget is overshot by well under a
    /// millisecond plus the longest uninterruptible step (segmentation, a sentence of the tagger's passes).</summary>
    public const int Stride = 256;

    private CancellationToken _token;
    private TimeProvider _clock = TimeProvider.System;
    private long _deadline = long.MaxValue;
    private int _countdown = Stride;
    private bool _started;

    /// <summary>Whether the parse ran past its budget.</summary>
    public bool Exceeded { get; private set; }

    /// <summary>Starts the budget of a parse: <paramref name="budget"/> from now on <paramref name="clock"/>, and the
    /// caller's token.</summary>
    public void Start(TimeSpan? budget, TimeProvider clock, CancellationToken token)
    {
        _token = token;
        _clock = clock;
        _deadline = Deadline(budget, clock);
        _countdown = Stride;
        Exceeded = false;
        _started = true;
    }

    /// <summary>Starts the budget without a token unless an entry point already started it.</summary>
    public void StartIfIdle(TimeSpan? budget, TimeProvider clock)
    {
        if (!_started)
        {
            Start(budget, clock, CancellationToken.None);
        }
    }

    /// <summary>The per-token check: true once the budget is exceeded; throws when the token is cancelled.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Tick() => --_countdown > 0 ? Exceeded : Check();

    /// <summary>Looks at the token and the clock now.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public bool Check()
    {
        _countdown = Stride;
        _token.ThrowIfCancellationRequested();
        if (!Exceeded && _deadline != long.MaxValue && _clock.GetTimestamp() > _deadline)
        {
            Exceeded = true;
        }

        return Exceeded;
    }

    /// <summary>Forgets the parse (the token too, so nothing of the caller stays reachable).</summary>
    public void Reset()
    {
        _token = default;
        _clock = TimeProvider.System;
        _deadline = long.MaxValue;
        _countdown = Stride;
        Exceeded = false;
        _started = false;
    }

    private static long Deadline(TimeSpan? budget, TimeProvider clock)
    {
        if (budget is not { } b)
        {
            return long.MaxValue;
        }

        var now = clock.GetTimestamp();
        var deadline = now + (b.TotalSeconds * clock.TimestampFrequency); // in double: a clock near the ends of long cannot overflow
        return deadline >= long.MaxValue ? long.MaxValue - 1 : deadline <= long.MinValue ? long.MinValue : (long)deadline;
    }
}
