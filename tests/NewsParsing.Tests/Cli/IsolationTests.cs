using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using NewsParsing.Cli;

namespace NewsParsing.Tests.Cli;

/// <summary>
/// One bad input never costs the others (issue 20): every case builds its small input here, runs the CLI in process
/// (or as a process where the operating system is the point: a closed pipe) and checks records, stderr and exit code.
/// </summary>
public class IsolationTests
{
    internal static (int Code, string Stdout, string Stderr) Run(byte[] stdin, params string[] args)
    {
        using var input = new MemoryStream(stdin);
        using var output = new MemoryStream();
        using var error = new StringWriter();
        var code = CliApp.Run(args, input, output, error);
        return (code, Encoding.UTF8.GetString(output.ToArray()), error.ToString());
    }

    private static (int Code, string Stdout, string Stderr) Run(string stdin, params string[] args) => Run(Encoding.UTF8.GetBytes(stdin), args);

    private static string[] Lines(string stdout) => stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static DirectoryInfo TempDir() => Directory.CreateTempSubdirectory("newsparse-test-");

    [Fact]
    public void A_jsonl_line_the_library_or_the_decoder_fails_on_becomes_an_error_record_and_the_others_are_written()
    {
        var input = new MemoryStream();
        void Line(string s) => input.Write(Encoding.UTF8.GetBytes(s + "\n"));
        Line("""{"id":"a","text":"LONDON, Feb 3 (Reuters) - Oil rose."}""");
        Line("""{"id":"b","text":"x \ud800 y"}""");                                                 // an escaped lone surrogate
        Line("""{"id":"c","text":"The debt is 100,000,000,000,000,000,000 trillion dollars."}"""); // decimal overflow in the library (today)
        Line("""{"id":"d","text":" date 9999-12-30 By A B\n\nThe meeting is next week."}""");      // date overflow in the library (today)
        input.Write("{\"id\":\"e\",\r\"text\":\"a raw CR between tokens\"}\n"u8);                 // one record, not two
        Line("{not json");
        Line("""{"text":"no id here"}""");
        input.Write([.. "{\"id\":\"h\",\"text\":\"Caf"u8, 0xE9, .. " bytes\"}\n"u8]);                  // invalid UTF-8
        Line("""{"id":"i"}""");

        var (code, stdout, stderr) = Run(input.ToArray(), "parse", "--input-format", "jsonl", "--parallel", "3");

        var lines = Lines(stdout);
        lines.Should().HaveCount(9, stdout);
        var records = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("a", "b", "c", "d", "e", "6", "7", "h", "i");
        foreach (var r in records.Where(r => r.TryGetProperty("error", out _)))
        {
            r.EnumerateObject().Select(p => p.Name).Should().Equal("id", "line", "error", "code");
        }

        Codes(records[1]).Should().Contain(CliDiagnostics.LoneSurrogate);
        records[1].GetProperty("body").GetProperty("text").GetString().Should().Contain("\uFFFD");
        records[4].GetProperty("body").GetProperty("text").GetString().Should().Be("a raw CR between tokens");
        records[5].GetProperty("code").GetString().Should().Be("invalidJson");
        records[5].GetProperty("line").GetInt32().Should().Be(6);
        records[6].GetProperty("source").GetString().Should().Be("7", "a line without id is known by its line number");
        Codes(records[7]).Should().Contain(CliDiagnostics.InvalidUtf8);
        records[7].GetProperty("body").GetProperty("text").GetString().Should().Be("Caf\uFFFD bytes");
        records[8].GetProperty("code").GetString().Should().Be("invalidRecord");
        foreach (var i in new[] { 2, 3 })
        {
            // Whether the library still throws on these is the library's business; the tool must write a record either way.
            if (records[i].TryGetProperty("error", out _))
            {
                records[i].GetProperty("code").GetString().Should().Be("parseFailed");
                code.Should().Be(CliApp.ExitParseFailed);
            }
        }

        code.Should().BeOneOf(CliApp.ExitSomeFailed, CliApp.ExitParseFailed);
        stderr.Should().Contain("line 6").And.Contain("line 9");
    }

    private static IEnumerable<string> Codes(JsonElement record) =>
        record.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!);

    [Fact]
    public void A_line_over_the_limit_is_an_error_record_and_the_next_line_is_read()
    {
        var big = "{\"id\":\"big\",\"text\":\"" + new string('x', 5000) + "\"}\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(big + "{\"id\":\"next\",\"text\":\"ok\"}\n"));
        using var source = new ByteLineSource(stream, maxLineBytes: 1000);
        source.TryTake(out _, out var first).Should().BeTrue();
        first.TooLongLength.Should().Be(big.Length - 1);
        source.TryTake(out var seq, out var second).Should().BeTrue();
        seq.Should().Be(1);
        Encoding.UTF8.GetString(second.Bytes).Should().Be("{\"id\":\"next\",\"text\":\"ok\"}");
        source.TryTake(out _, out _).Should().BeFalse();
    }

    [Fact]
    public void A_file_the_library_throws_on_gives_a_message_and_exit_code_4_and_the_other_files_are_written()
    {
        var dir = TempDir();
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "LONDON, Feb 3 (Reuters) - Oil rose.");
            File.WriteAllText(Path.Combine(dir.FullName, "b.txt"), " date 9999-12-30 By A B\n\nThe meeting is next week.");
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "The debt is 100,000,000,000,000,000,000 trillion dollars.");
            File.WriteAllText(Path.Combine(dir.FullName, "d.txt"), "PARIS, Feb 3 (Reuters) - Bread rose.");
            var (code, stdout, stderr) = Run("", "parse", dir.FullName);
            var sources = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()).ToList();
            sources.Should().Contain(s => s!.EndsWith("/a.txt")).And.Contain(s => s!.EndsWith("/d.txt"));
            if (sources.Count < 4)
            {
                code.Should().Be(CliApp.ExitParseFailed);
                stderr.Should().Contain("failed to parse");
            }
            else
            {
                code.Should().Be(CliApp.ExitOk, stderr);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Invalid_utf8_in_a_text_file_is_a_diagnostic()
    {
        var dir = TempDir();
        try
        {
            var path = Path.Combine(dir.FullName, "bad.txt");
            File.WriteAllBytes(path, [.. "LONDON, Feb 3 (Reuters) - Caf"u8, 0xE9, .. " prices rose.\n"u8]);
            var (code, stdout, _) = Run("", "parse", path);
            code.Should().Be(0);
            var record = JsonDocument.Parse(stdout).RootElement;
            Codes(record).Should().Contain(CliDiagnostics.InvalidUtf8);
            var good = Path.Combine(dir.FullName, "good.txt");
            File.WriteAllText(good, "LONDON, Feb 3 (Reuters) - Café prices rose.\n");
            Codes(JsonDocument.Parse(Run("", "parse", good).Stdout).RootElement).Should().NotContain(CliDiagnostics.InvalidUtf8);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_truncated_html_gz_is_reported_with_the_text_before_the_cut()
    {
        var dir = TempDir();
        try
        {
            var html = new StringBuilder("<html><head><title>T</title></head><body><article>");
            for (var i = 0; i < 2001; i++)
            {
                html.Append("<p>Paragraph ").Append(i).Append(" of a long story about markets and prices, with words that differ ").Append(i * 7919 % 1000).Append(".</p>");
            }

            html.Append("</article></body></html>");
            using var gz = new MemoryStream();
            using (var zip = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
            {
                zip.Write(Encoding.UTF8.GetBytes(html.ToString()));
            }

            var whole = Path.Combine(dir.FullName, "whole.html.gz");
            var cut = Path.Combine(dir.FullName, "cut.html.gz");
            File.WriteAllBytes(whole, gz.ToArray());
            File.WriteAllBytes(cut, gz.ToArray()[..(int)(gz.Length / 2)]);

            var (code, stdout, stderr) = Run("", "parse", whole, cut);
            code.Should().Be(CliApp.ExitSomeFailed);
            stderr.Should().Contain("cut.html.gz").And.Contain("truncated").And.NotContain("whole.html.gz");
            var records = Lines(stdout).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            records.Should().HaveCount(2);
            Codes(records[0]).Should().NotContain(CliDiagnostics.TruncatedGzip);
            Codes(records[1]).Should().Contain(CliDiagnostics.TruncatedGzip);
            records[1].GetProperty("body").GetProperty("text").GetString().Should().Contain("Paragraph 1 ");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_fifo_or_a_device_is_refused_at_once_and_the_other_inputs_are_written()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var dir = TempDir();
        try
        {
            var fifo = Path.Combine(dir.FullName, "pipe.txt");
            using (var mk = Process.Start("mkfifo", fifo))
            {
                mk.WaitForExit();
            }

            File.WriteAllText(Path.Combine(dir.FullName, "z.txt"), "LONDON, Feb 3 (Reuters) - Oil rose.");
            var run = Task.Run(() => Run("", "parse", dir.FullName, "/dev/zero"));
            (await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)))).Should().BeSameAs(run, "a FIFO must not block the run");
            var (code, stdout, stderr) = await run;
            code.Should().Be(CliApp.ExitSomeFailed);
            stderr.Should().Contain("pipe.txt").And.Contain("/dev/zero").And.Contain("not a regular file");
            Lines(stdout).Should().ContainSingle().Which.Should().Contain("z.txt");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_full_disk_ends_the_run_with_its_code_and_leaves_only_whole_lines()
    {
        var dir = TempDir();
        try
        {
            for (var i = 0; i < 400; i++)
            {
                File.WriteAllText(Path.Combine(dir.FullName, $"{i:000}.txt"), $"LONDON, Feb 3 (Reuters) - Story {i} about oil prices.");
            }

            using var disk = new FullDisk(capacity: 100_000);
            using var stderr = new StringWriter();
            var code = CliApp.Run(["parse", dir.FullName, "--parallel", "2"], new MemoryStream(), disk, stderr);

            code.Should().Be(CliApp.ExitOutputFailed, stderr.ToString());
            stderr.ToString().Should().Contain("No space left on device");
            var text = Encoding.UTF8.GetString(disk.ToArray());
            text.Should().NotBeEmpty().And.EndWith("\n", "a torn last line is cut off");
            foreach (var line in Lines(text))
            {
                JsonDocument.Parse(line).RootElement.GetProperty("source").GetString().Should().NotBeNull();
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_closed_output_stops_the_run_promptly_with_its_code()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            lines.Append("{\"id\":\"").Append(i).Append("\",\"text\":\"LONDON, Feb 3 (Reuters) - Oil rose again.\"}\n");
        }

        using var closed = new ClosedAfter(bytes: 1);
        using var stderr = new StringWriter();
        using var input = new ReadCounting(Encoding.UTF8.GetBytes(lines.ToString()));
        var code = CliApp.Run(["parse", "--input-format", "jsonl", "--parallel", "2"], input, closed, stderr);
        code.Should().Be(CliApp.ExitOutputClosed, stderr.ToString());
        closed.Writes.Should().Be(1, "nothing is written after the pipe broke");
        input.BytesRead.Should().BeLessThan(input.Size / 10, "200,000 lines are not read, let alone parsed, for a reader that left");
    }

    [Fact]
    public async Task The_tool_exits_promptly_when_head_closes_its_output()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "newsparse.dll");
        if (!OperatingSystem.IsLinux() || !File.Exists(tool))
        {
            return;
        }

        var dir = TempDir();
        try
        {
            var seed = File.ReadAllText(Path.Combine(Paths.Seeds, "000_d415100d04d07eeb.txt"));
            for (var i = 0; i < 3000; i++)
            {
                File.WriteAllText(Path.Combine(dir.FullName, $"{i:0000}.txt"), seed);
            }

            var start = new ProcessStartInfo("bash", ["-c", $"dotnet '{tool}' parse '{dir.FullName}' --parallel 1 | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            (await stdout).Trim().Should().Be(CliApp.ExitOutputClosed.ToString(System.Globalization.CultureInfo.InvariantCulture), await stderr);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Stderr_never_echoes_terminal_escape_codes_from_input()
    {
        var (_, _, stderr) = Run("", "parse", "/no/such/\u001b[2J\u001b]0;owned\u0007file.txt");
        stderr.Should().NotContain("\u001b").And.NotContain("\u0007").And.Contain("\\u001B[2J");
        var (_, _, jsonlErr) = Run("{\"id\":\"\\u001b[31m\",\"html\":5}\n{\u001b[31m\n", "parse", "--input-format", "jsonl");
        jsonlErr.Should().NotContain("\u001b");
    }

    [Theory]
    [InlineData("parse", "-", "-")]
    [InlineData("parse", "x.txt", "--parallel", "100000000")]
    [InlineData("parse", "x.txt", "--parallel", "0")]
    public void Bad_arguments_exit_with_the_usage_code(params string[] args)
    {
        var (code, stdout, stderr) = Run("LONDON, Feb 3 (Reuters) - Oil rose.", args);
        code.Should().Be(CliApp.ExitUsage);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("newsparse:");
    }

    [Fact]
    public void Memory_is_bounded_by_the_byte_budget_however_big_the_records()
    {
        const int size = 1 << 20;
        long waiting = 0, peak = 0;
        using var source = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("x\n", 64))));
        using var lines = new ByteLineSource(source);
        var failure = OrderedRunner.Run(4, 256, lines, pretty: false,
            (_, _, _) =>
            {
                var now = Interlocked.Add(ref waiting, size);
                InterlockedMax(ref peak, now);
                return new Output(ArrayPool<byte>.Shared.Rent(size), size, null, CliApp.ExitOk);
            },
            (_, _) =>
            {
                Thread.Sleep(2);
                Interlocked.Add(ref waiting, -size);
            },
            byteBudget: 4L * size);
        failure.Should().BeNull();
        peak.Should().BeLessThanOrEqualTo(4L * size + (4 * size), "the budget plus one record per worker");
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>A seekable file on a disk that fills up: the write that crosses the capacity writes what fits, then fails.</summary>
    private sealed class FullDisk(int capacity) : MemoryStream
    {
        // MemoryStream's span overload calls this one in a derived class.
        public override void Write(byte[] buffer, int offset, int count)
        {
            var room = capacity - (int)Position;
            if (count > room)
            {
                base.Write(buffer, offset, Math.Max(room, 0));
                throw new IOException("No space left on device", 28);
            }

            base.Write(buffer, offset, count);
        }
    }

    /// <summary>Input that counts how much of it was read (it may be disposed by then).</summary>
    private sealed class ReadCounting(byte[] bytes) : MemoryStream(bytes)
    {
        public long Size { get; } = bytes.Length;

        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(base.Read(buffer));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        private int Counted(int n)
        {
            BytesRead += n;
            return n;
        }
    }

    /// <summary>A pipe whose reader leaves after <paramref name="bytes"/> bytes.</summary>
    private sealed class ClosedAfter(int bytes) : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length >= bytes)
            {
                throw new IOException("Broken pipe", 32);
            }

            Writes++;
            base.Write(buffer, offset, count);
        }

        public override bool CanSeek => false;
    }
}
