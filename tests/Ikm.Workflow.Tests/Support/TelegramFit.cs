using Ikm.Workflow.Messaging;

namespace Ikm.Workflow.Tests.Support;

/// <summary>
/// Every reply a flow builds must reach Telegram exactly as built: callback data of 1–64 bytes, and a layout within
/// <see cref="ChannelCapabilities.Telegram"/> that keeps the flow's rows. <see cref="FlowHarness"/> checks every turn of
/// every flow test with it.
/// </summary>
public static class TelegramFit
{
    public static void AssertShownAsBuilt(OutgoingMessage reply)
    {
        var layout = ButtonLayout.Arrange(reply.Buttons, ChannelCapabilities.Telegram);
        if (reply.Buttons is null)
        {
            Assert.IsType<ButtonLayout.NoChoices>(layout);
            return;
        }

        Assert.All(reply.Buttons, row => Assert.NotEmpty(row));
        Assert.All(reply.Buttons.SelectMany(row => row), button =>
            Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(button.Data), 1, ChannelCapabilities.Telegram.MaxButtonDataBytes));
        Assert.Equal(reply.Buttons, Assert.IsType<ButtonLayout.ButtonRows>(layout).Rows);
    }
}
