using Ferret.Events;
using Ferret.Ingest.Sources;

namespace Ferret.Ingest;

/// <summary>
/// Turns files and folders into events: folders are walked recursively (in name order), each file's format
/// is sniffed from its first bytes (EVTX, XmlWinEventLog text, JSON lines, and .zip / .gz / .tar.gz archives
/// holding any of them), and every event gets <c>_time</c>, <c>_raw</c>, <c>host</c>, <c>source</c>,
/// <c>sourcetype</c> and <c>index</c> as Splunk would assign them. Bad input is reported to the problem sink
/// (file, line or record, what is wrong) and the rest is read.
/// </summary>
public static partial class InputReader
{
    /// <summary>Reads every file under <paramref name="paths"/>; files are read in parallel (bounded), and events
    /// come out file by file in path order, each file's events in their order.</summary>
    public static IEnumerable<Event> Read(IEnumerable<string> paths, IngestOptions options, IProblemSink problems)
    {
        var files = ExpandPaths(paths, problems);
        var parallelism = Math.Max(1, options.MaxParallelFiles ?? Environment.ProcessorCount);
        if (parallelism == 1 || files.Count <= 1)
        {
            // One file: its EVTX chunks may be decoded on several threads instead (with several files, the files are read in parallel).
            var perFile = options with { EvtxDecodingThreads = files.Count == 1 ? options.ResolvedEvtxDecodingThreads : 1 };
            return files.SelectMany(file => ReadFile(file, perFile, problems));
        }

        return ReadInParallel(files, options with { EvtxDecodingThreads = 1 }, problems, parallelism);
    }

    /// <summary>Reads one file (or archive) in order.</summary>
    public static IEnumerable<Event> ReadFile(string path, IngestOptions options, IProblemSink problems)
    {
        var counted = new CountingProblemSink(problems);
        var file = new SourceFile(path, options, counted);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            file.Report("file", $"cannot open: {error.Message}");
            return [];
        }

        return Guarded(ReadOpened(path, stream, file), file, path, counted);
    }

    /// <summary>Reads events from text held in memory (an example record, a pasted log), as if it were a file named
    /// <paramref name="displayName"/>: sniffed and broken into events like any file.</summary>
    public static IEnumerable<Event> ReadText(string displayName, string text, IngestOptions options, IProblemSink problems)
    {
        var file = new SourceFile(displayName, options, problems);
        return GuardedEvents(StreamReaders.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), file), file);
    }

    /// <summary>The files that <paramref name="paths"/> name: files as given, folders walked recursively in
    /// ordinal name order; a path that does not exist is reported.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths, IProblemSink problems)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                problems.Report(new InputProblem(path, "path", "no such file or folder"));
            }
        }

        return files;
    }

    /// <summary>Each event is given its origin (file and position); a file that holds no event at all, and did not already say
    /// why, is reported, so an empty or mistaken input is not taken for a quiet one.</summary>
    private static IEnumerable<Event> Guarded(IEnumerable<Event> events, SourceFile file, string path, CountingProblemSink problems)
    {
        long position = 0;
        foreach (var e in GuardedEvents(events, file))
        {
            e.Origin = new EventOrigin(path, ++position);
            yield return e;
        }

        if (position == 0 && problems.Count == 0)
        {
            file.Report("file", "no events in this file", ProblemSeverity.Warning);
        }
    }

    /// <summary>A file that breaks off (a truncated gzip, a damaged zip) is reported; the events before the break are kept.
    /// So is a file that makes a reader fail in a way it did not foresee: the other inputs are still read.</summary>
    private static IEnumerable<Event> GuardedEvents(IEnumerable<Event> events, SourceFile file)
    {
        using var enumerator = events.GetEnumerator();
        while (true)
        {
            Event current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (Exception error) when (IsInputError(error))
            {
                file.Report("file", $"reading stopped: {error.Message}");
                yield break;
            }
#pragma warning disable CA1031 // one input's unexpected failure must not end the run: reported, the other inputs go on
            catch (Exception error) when (error is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                file.Report("file", $"reading stopped by an unexpected error (please report it): {error.GetType().Name}: {error.Message}; the events before it are kept");
                yield break;
            }

            yield return current;
        }
    }

    private static bool IsInputError(Exception error) =>
        error is IOException or InvalidDataException or UnauthorizedAccessException or Evtx.EvtxFormatException;

    private static IEnumerable<Event> ReadOpened(string path, Stream stream, SourceFile file)
    {
        using (stream)
        {
            var prefix = new byte[FormatSniffer.PrefixLength];
            var length = stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
            if (FormatSniffer.Sniff(prefix.AsSpan(0, length)) == Sources.InputFormat.Evtx)
            {
                stream.Close();
                foreach (var e in EvtxInput.Read(path, file))
                {
                    yield return e;
                }

                yield break;
            }

            stream.Position = 0;
            foreach (var e in StreamReaders.Read(stream, file))
            {
                yield return e;
            }
        }
    }
}
