using System.Text;

namespace Ikm.Workflow.Engine;

/// <summary>
/// What of an exception may be logged. Its message can carry what a user typed (a FormatException quotes the
/// input string), so logs get the type names and stack frames of the exception and its inner ones — never a
/// message. Use it instead of passing the exception object to the logger wherever user data may be involved.
/// </summary>
public static class ScrubbedException
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0) text.Append(" ---> ");
            text.Append(current.GetType().FullName);
            if (current.StackTrace is { } stack)
                text.Append(Environment.NewLine).Append(stack);
        }

        return text.ToString();
    }
}
