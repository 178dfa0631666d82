namespace Ikm.Workflow.Kernel;

/// <summary>What a step's reader made of typed input: a value to fire the step's trigger with, or the reply that says why not.</summary>
public readonly record struct Read<T>
{
    private Read(T? value, string? refusal, IReadOnlyList<IReadOnlyList<Messaging.Button>>? buttons)
    {
        Value = value;
        Refusal = refusal;
        Buttons = buttons;
    }

    public T? Value { get; }
    /// <summary>Sent as is (what was expected, with an example); nothing is stored and the step stays.</summary>
    public string? Refusal { get; }
    /// <summary>Buttons sent with the refusal (the choices that are allowed).</summary>
    public IReadOnlyList<IReadOnlyList<Messaging.Button>>? Buttons { get; }
    public bool IsValue => Refusal is null;

    public static Read<T> Ok(T value) => new(value, null, null);

    public static Read<T> Refuse(string reply, IReadOnlyList<IReadOnlyList<Messaging.Button>>? buttons = null) => new(default, reply, buttons);
}
