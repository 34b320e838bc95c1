namespace MicroGrad.Viz.Graphviz;

/// <summary>
/// The rules both Graphviz backends apply to what goes in and what Graphviz says, so native
/// <c>dot</c> and Graphviz in-process fail on the same inputs.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A line of Graphviz's messages that begins with <c>Error:</c> fails the rendering, even when
/// Graphviz went on to draw something (it does so after some label errors); <c>Warning:</c> lines stay warnings.</item>
/// <item>One rendering draws one graph: text after the first graph's closing brace fails, and so does
/// a second graph (native <c>dot</c> would write one drawing per graph into one output, Graphviz
/// in-process would draw only the first).</item>
/// </list>
/// </remarks>
public static class GraphvizRules
{
    private const string ErrorPrefix = "Error:";

    /// <summary>Whether Graphviz's messages report an error: a line that begins with <c>Error:</c>.</summary>
    /// <param name="messages">What Graphviz printed, one message per line.</param>
    /// <returns><see langword="true"/> when some line is an error.</returns>
    public static bool HasError(string messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var line in messages.AsSpan().EnumerateLines())
        {
            if (line.TrimStart().StartsWith(ErrorPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Finds what follows the first graph of DOT text: a second graph or other text after its closing
    /// brace. Comments, white space and preprocessor-style <c>#</c> lines may follow.
    /// </summary>
    /// <param name="dot">DOT text.</param>
    /// <returns>An error message in Graphviz's words, or <see langword="null"/> when the text holds at most one graph and nothing after it.</returns>
    /// <remarks>Scans once, without recursion (nesting of any depth is a counter), skipping quoted strings, HTML strings and comments.</remarks>
    public static string? FindTextAfterGraph(string dot)
    {
        ArgumentNullException.ThrowIfNull(dot);
        int depth = 0;
        bool opened = false;
        int line = 1;
        int i = 0;
        while (i < dot.Length)
        {
            char c = dot[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (c == '/' && i + 1 < dot.Length && dot[i + 1] == '/')
            {
                i = SkipToLineEnd(dot, i);
            }
            else if (c == '#' && AtLineStart(dot, i))
            {
                i = SkipToLineEnd(dot, i);
            }
            else if (c == '/' && i + 1 < dot.Length && dot[i + 1] == '*')
            {
                int end = dot.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? dot.Length : end + 2;
                line += Count(dot, i, end, '\n');
                i = end;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (opened && depth == 0)
            {
                string near = Near(dot, i);
                return StartsGraph(dot, i)
                    ? $"Error: the input holds more than one graph (the next begins in line {line} near '{near}'); one rendering draws one graph."
                    : $"Error: syntax error in line {line} near '{near}': text after the end of the graph.";
            }
            else if (c == '"')
            {
                int end = i + 1;
                while (end < dot.Length && dot[end] != '"')
                {
                    end += dot[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, dot.Length);
                line += Count(dot, i, end, '\n');
                i = end;
            }
            else if (c == '<' && depth > 0)
            {
                // An HTML string: balanced angle brackets.
                int nesting = 0, end = i;
                do
                {
                    nesting += dot[end] == '<' ? 1 : dot[end] == '>' ? -1 : 0;
                    end++;
                }
                while (end < dot.Length && nesting > 0);
                line += Count(dot, i, end, '\n');
                i = end;
            }
            else
            {
                if (c == '{')
                {
                    depth++;
                    opened = true;
                }
                else if (c == '}')
                {
                    depth--;
                }

                i++;
            }
        }

        return null;
    }

    private static bool AtLineStart(string text, int index)
    {
        int start = text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1;
        return index == 0 || text.AsSpan(start, index - start).IsWhiteSpace();
    }

    private static int SkipToLineEnd(string text, int index)
    {
        int end = text.IndexOf('\n', index);
        return end < 0 ? text.Length : end;
    }

    private static int Count(string text, int start, int end, char c) => text.AsSpan(start, end - start).Count(c);

    private static bool StartsGraph(string text, int index)
    {
        var rest = text.AsSpan(index);
        foreach (var keyword in (ReadOnlySpan<string>)["strict", "graph", "digraph"])
        {
            if (rest.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == keyword.Length || !(char.IsAsciiLetterOrDigit(rest[keyword.Length]) || rest[keyword.Length] == '_')))
            {
                return true;
            }
        }

        return false;
    }

    private static string Near(string text, int index)
    {
        int end = index;
        while (end < text.Length && end - index < 20 && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[index..end];
    }
}
