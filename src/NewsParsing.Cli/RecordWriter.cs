namespace NewsParsing.Cli;

/// <summary>
/// The run's output: whole records, buffered and written many per system call. A record is never split across a
/// failed write's boundary on a file: when a write fails (disk full, I/O error) on a seekable output, the output is cut
/// back to the end of the last whole record, so no torn line is left. A failed write is reported as an
/// <see cref="OutputException"/> that ends the run.
/// </summary>
internal sealed class RecordWriter
{
    private readonly Stream _output;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _count;
    private long _committed;
    private bool _failed;

    public RecordWriter(Stream output)
    {
        _output = output;
        _committed = TryPosition(output);
    }

    /// <summary>Appends one whole record (its bytes end with the newline).</summary>
    public void Write(ReadOnlySpan<byte> record)
    {
        if (_count + record.Length > _buffer.Length)
        {
            FlushBuffer();
        }

        if (record.Length >= _buffer.Length)
        {
            WriteOut(record);
            return;
        }

        record.CopyTo(_buffer.AsSpan(_count));
        _count += record.Length;
    }

    /// <summary>Writes what is buffered; does nothing once a write has failed.</summary>
    public void Flush()
    {
        if (_failed)
        {
            return;
        }

        FlushBuffer();
        try
        {
            _output.Flush();
        }
        catch (IOException e)
        {
            _failed = true;
            throw new OutputException(e);
        }
    }

    private void FlushBuffer()
    {
        if (_count > 0)
        {
            var count = _count;
            _count = 0;
            WriteOut(_buffer.AsSpan(0, count));
        }
    }

    private void WriteOut(ReadOnlySpan<byte> bytes)
    {
        if (_failed)
        {
            throw new OutputException(new IOException("the output failed earlier"));
        }

        try
        {
            _output.Write(bytes);
            _committed += bytes.Length;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException)
        {
            _failed = true;
            TryCutBack();
            throw new OutputException(e);
        }
    }

    /// <summary>A short write may have left part of a record in a file: cut the file back to its last whole record.</summary>
    private void TryCutBack()
    {
        try
        {
            if (_output.CanSeek)
            {
                _output.SetLength(_committed);
            }
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // The output is gone; nothing more can be done for it.
        }
    }

    private static long TryPosition(Stream output)
    {
        try
        {
            return output.CanSeek ? output.Position : 0;
        }
        catch (Exception e) when (e is IOException or NotSupportedException)
        {
            return 0;
        }
    }
}

/// <summary>Writing the output failed: its reader closed it (a broken pipe) or the disk is full or failing.</summary>
internal sealed class OutputException(Exception inner) : IOException(inner.Message, inner)
{
    /// <summary>The reader of a pipe went away (<c>EPIPE</c>), as when <c>newsparse ... | head -1</c> has its line.</summary>
    public bool Closed => InnerException is ObjectDisposedException
        || (InnerException is IOException io && (io.HResult is 32 or 0x6D or unchecked((int)0x8007006D) || io.Message.Contains("pipe", StringComparison.OrdinalIgnoreCase)));
}
