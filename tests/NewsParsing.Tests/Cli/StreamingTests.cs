using System.Text;
using System.Text.Json;
using NewsParsing.Cli;

namespace NewsParsing.Tests.Cli;

/// <summary>The <c>--input-format jsonl</c> mode used under Hadoop Streaming and Spark's <c>RDD.pipe</c>. The memory
/// test reads the process-wide heap, so the class runs alone (see <see cref="ProcessWideMeasurements"/>).</summary>
[Collection(ProcessWideMeasurements.Name)]
public class StreamingTests
{
    [Fact]
    public void Each_input_line_gives_one_output_line_in_order_and_a_bad_line_only_an_error_record()
    {
        var input = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            if (i == 17)
            {
                input.Append("{not json\n");
            }
            else if (i == 42)
            {
                input.Append("{\"id\":\"no-text\"}\n");
            }
            else
            {
                var text = JsonSerializer.Serialize($"LONDON, Feb {1 + (i % 28)} (Reuters) - Story number {i} about markets.");
                input.Append("{\"id\":\"a").Append(i).Append("\",\"text\":").Append(text).Append(",\"published\":\"1987-03-01\"}\n");
            }
        }

        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(input.ToString()));
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["parse", "--input-format", "jsonl", "--parallel", "4"], stdin, stdout, stderr);

        code.Should().Be(1, "two lines were bad");
        var lines = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(300);
        for (var i = 0; i < 300; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var root = doc.RootElement;
            if (i is 17 or 42)
            {
                root.GetProperty("error").GetString().Should().NotBeNullOrEmpty();
                root.GetProperty("line").GetInt32().Should().Be(i + 1);
                continue;
            }

            root.GetProperty("id").GetString().Should().Be("a" + i);
            root.GetProperty("body").GetProperty("text").GetString().Should().Be($"Story number {i} about markets.");
            root.GetProperty("dateline").GetProperty("date").GetString().Should().Be($"1987-02-{1 + (i % 28):00}");
        }

        stderr.ToString().Should().Contain("line 18").And.Contain("line 43");
    }

    [Fact]
    public void Memory_stays_flat_over_100000_lines()
    {
        using var stdin = new GeneratedLines(100_000);
        using var stdout = new CountingSink();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["parse", "--input-format", "jsonl"], stdin, stdout, stderr);

        code.Should().Be(0, stderr.ToString());
        stdout.Lines.Should().Be(100_000);
        // The heap after the first 10,000 lines and the peak over the whole stream stay within a few MB of each other.
        var growth = stdout.PeakHeapBytes - stdout.HeapAfter10000;
        growth.Should().BeLessThan(64L * 1024 * 1024, $"heap after 10k lines {stdout.HeapAfter10000:N0} B, peak {stdout.PeakHeapBytes:N0} B");
    }

    /// <summary>A read-only stream that produces JSON lines on demand, never holding the whole input.</summary>
    private sealed class GeneratedLines(int count) : Stream
    {
        private byte[] _current = [];
        private int _offset;
        private int _produced;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int length)
        {
            if (_offset == _current.Length)
            {
                if (_produced == count)
                {
                    return 0;
                }

                _current = Encoding.UTF8.GetBytes($"{{\"id\":\"{_produced}\",\"text\":\"HOUSTON, Jan 27 (Reuters) - Oil rose in line {_produced}.\",\"published\":\"2021-01-28\"}}\n");
                _offset = 0;
                _produced++;
            }

            var n = Math.Min(length, _current.Length - _offset);
            Array.Copy(_current, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A write-only sink that counts lines and samples the managed heap.</summary>
    private sealed class CountingSink : Stream
    {
        public long Lines { get; private set; }

        public long HeapAfter10000 { get; private set; }

        public long PeakHeapBytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            for (var i = offset; i < offset + count; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    Lines++;
                    if (Lines % 5_000 == 0)
                    {
                        var heap = GC.GetTotalMemory(forceFullCollection: true);
                        if (Lines == 10_000)
                        {
                            HeapAfter10000 = heap;
                        }

                        PeakHeapBytes = Math.Max(PeakHeapBytes, heap);
                    }
                }
            }
        }

        public override void WriteByte(byte value) => Write([value], 0, 1);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure the whole process (the GC heap): xUnit runs this collection after the parallel ones, with
/// nothing else running, so other tests' live objects do not count against them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process-wide measurements";
}
