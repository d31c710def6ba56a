using System.Text;
using AgentCompliance.Core.Diagnostics;

namespace AgentCompliance.Core.Configuration;

/// <summary>
/// Reads an input file as text, refusing anything that is not cleanly decodable: a silently mangled character in a
/// URL or a key is worse than a clear error at the byte that could not be read.
/// </summary>
internal static class SourceTextReader
{
    public static string ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, "is a folder, not a file", "give the path of the file itself"));
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException(new InputProblem(
                path, 0, 0, "file not found", $"check the path; relative paths are resolved against {Environment.CurrentDirectory}"));
        }
        catch (UnauthorizedAccessException)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, "file cannot be read: permission denied", "check the file's permissions"));
        }
        catch (IOException e)
        {
            throw new InvalidInputException(new InputProblem(path, 0, 0, $"file cannot be read: {e.GetType().Name}", "check that the file is a regular, readable file"));
        }

        return Decode(bytes, path);
    }

    /// <summary>Decodes UTF-8 (the default), or UTF-16/UTF-32 when the file starts with their byte-order mark.</summary>
    public static string Decode(byte[] bytes, string file)
    {
        var (encoding, bomLength, name) = DetectEncoding(bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException e)
        {
            var offset = bomLength + Math.Max(e.Index, 0);
            var (line, column) = LocateByte(bytes, bomLength, offset);
            throw new InvalidInputException(new InputProblem(
                file, line, column, $"the file is not valid {name} text (undecodable byte at offset {offset})", "save the file as UTF-8"));
        }

        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            var (line, column) = LocateChar(text, nul);
            throw new InvalidInputException(new InputProblem(
                file, line, column, "the file contains a NUL character; it looks like a binary file", "give a YAML or JSON text file saved as UTF-8"));
        }

        return text;
    }

    private static (Encoding Encoding, int BomLength, string Name) DetectEncoding(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            return (new UTF8Encoding(false, true), 3, "UTF-8");
        }

        if (bytes is [0xFF, 0xFE, 0x00, 0x00, ..])
        {
            return (new UTF32Encoding(false, false, true), 4, "UTF-32");
        }

        if (bytes is [0x00, 0x00, 0xFE, 0xFF, ..])
        {
            return (new UTF32Encoding(true, false, true), 4, "UTF-32");
        }

        if (bytes is [0xFF, 0xFE, ..])
        {
            return (new UnicodeEncoding(false, false, true), 2, "UTF-16");
        }

        if (bytes is [0xFE, 0xFF, ..])
        {
            return (new UnicodeEncoding(true, false, true), 2, "UTF-16");
        }

        return (new UTF8Encoding(false, true), 0, "UTF-8");
    }

    // Counts lines in raw bytes (only meaningful for ASCII-compatible encodings, which covers the UTF-8 default);
    // the column is a byte column, which is what a hex viewer or `cut -b` shows for an undecodable byte.
    private static (int Line, int Column) LocateByte(byte[] bytes, int start, int offset)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    internal static (int Line, int Column) LocateChar(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
