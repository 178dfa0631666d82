namespace Ikm.Workflow.Messaging;

/// <summary>
/// What a channel can show and receive, as data: flows build one message model, and each channel's adapter lays it out
/// within these limits (<see cref="ButtonLayout.Arrange"/>). A new channel declares its own instance here.
/// </summary>
public sealed record ChannelCapabilities
{
    public required string Name { get; init; }

    /// <summary>Buttons attached to a message whose press comes back as the button's data.</summary>
    public bool InlineButtons { get; init; }

    /// <summary>How many such buttons one message may carry.</summary>
    public int MaxButtons { get; init; }

    public int MaxButtonsPerRow { get; init; }

    /// <summary>Longest button label in characters (UTF-16 code units); null where the channel documents no limit.</summary>
    public int? MaxButtonTextLength { get; init; }

    /// <summary>Longest button data the channel carries back, in UTF-8 bytes.</summary>
    public int MaxButtonDataBytes { get; init; }

    /// <summary>A menu of choices opened from one button (WhatsApp's interactive list); null where there is none.</summary>
    public ListCapabilities? List { get; init; }

    /// <summary>Keys shown in place of the phone's keyboard (Telegram's reply keyboard).</summary>
    public bool ReplyKeyboards { get; init; }

    /// <summary>The bot can ask the client for the user's location with one tap.</summary>
    public bool RequestsLocation { get; init; }

    public bool ReceivesLocation { get; init; }

    /// <summary>
    /// How many choices one message can offer to be pressed: its buttons, or its list menu's rows when that holds more;
    /// a channel without buttons numbers any number of them (a typed number picks one).
    /// </summary>
    public int ChoicesPerMessage => InlineButtons ? Math.Max(MaxButtons, List?.MaxRows ?? 0) : int.MaxValue;

    public bool Documents { get; init; }
    public bool Photos { get; init; }

    /// <summary>
    /// Bot API limits: an inline keyboard of at most 100 buttons, 8 a row, callback_data of 1–64 bytes
    /// (<see cref="Kernel.ChoiceCodec.MaxBytes"/>); the Bot API sets no length for a button's text.
    /// </summary>
    public static ChannelCapabilities Telegram { get; } = new()
    {
        Name = "telegram",
        InlineButtons = true,
        MaxButtons = 100,
        MaxButtonsPerRow = 8,
        MaxButtonTextLength = null,
        MaxButtonDataBytes = Kernel.ChoiceCodec.MaxBytes,
        ReplyKeyboards = true,
        RequestsLocation = true,
        ReceivesLocation = true,
        Documents = true,
        Photos = true,
    };

    /// <summary>
    /// WhatsApp Cloud API (no channel yet): up to 3 reply buttons of 20 characters, ids up to 256 characters, which a
    /// client shows one under the other; an interactive list of up to 10 rows, row titles up to 24 characters and ids up
    /// to 200 — the smaller id bounds the data. No reply keyboard; a location request message asks for the location.
    /// </summary>
    public static ChannelCapabilities WhatsApp { get; } = new()
    {
        Name = "whatsapp",
        InlineButtons = true,
        MaxButtons = 3,
        MaxButtonsPerRow = 1,
        MaxButtonTextLength = 20,
        MaxButtonDataBytes = 200,
        List = new ListCapabilities(MaxRows: 10, MaxRowTitleLength: 24),
        ReplyKeyboards = false,
        RequestsLocation = true,
        ReceivesLocation = true,
        Documents = true,
        Photos = true,
    };

    /// <summary>The local terminal chat: no buttons, every choice is numbered and picked by typing its number.</summary>
    public static ChannelCapabilities Local { get; } = new()
    {
        Name = "local",
        InlineButtons = false,
        MaxButtonDataBytes = Kernel.ChoiceCodec.MaxBytes,
        ReplyKeyboards = false,
        RequestsLocation = false,
        ReceivesLocation = true,
        Documents = true,
        Photos = true,
    };
}

/// <summary>Limits of a channel's list menu: how many rows, and how long a row's title.</summary>
public sealed record ListCapabilities(int MaxRows, int MaxRowTitleLength);
