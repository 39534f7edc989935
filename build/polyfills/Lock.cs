#if !NET9_0_OR_GREATER
namespace System.Threading;

/// <summary>
/// .NET 8 stand-in for .NET 9's <c>System.Threading.Lock</c>, the members the tool uses, over <see cref="Monitor"/>:
/// the tool's code stays written for .NET 10 and still builds for .NET 8. The C# compiler lowers <c>lock (x)</c> on a
/// type of this name to <see cref="EnterScope"/>.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public void Enter() => Monitor.Enter(_monitor);

    public bool TryEnter() => Monitor.TryEnter(_monitor);

    public void Exit() => Monitor.Exit(_monitor);

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    /// <summary>Held while a <c>lock</c> statement's body runs; releases the lock when disposed.</summary>
    public ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        public readonly void Dispose() => Monitor.Exit(_monitor);
    }
}
#endif
