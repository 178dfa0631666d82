using Ikm.Storage.Files;
using Ikm.TestKit;
using Ikm.Workflow.Questionnaires;

namespace Ikm.Bot.Tests.Support;

/// <summary>Scripted owner behaviour for end-to-end tests: join, register, answer a questionnaire.</summary>
public static class OwnerScript
{
    public static readonly Questionnaire Diagnosis = Load("diagnosis.yaml");

    public static Questionnaire Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "questionnaires", fileName);
        var result = QuestionnaireFiles.Load(path);
        return result.Questionnaire ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }

    /// <summary>/start → language → owner; returns the owner menu message.</summary>
    public static async Task<SentMessage> JoinAsOwnerAsync(TestUser user, string language = "id")
    {
        await user.SendTextAsync("/start");
        await user.NextReplyAsync();
        await user.PressAsync(language == "en" ? "🇬🇧 English" : "🇮🇩 Bahasa Indonesia");
        await user.NextReplyAsync();
        await user.PressAsync(language == "en" ? "🏭 IKM owner" : "🏭 Pemilik IKM");
        return await user.NextReplyAsync();
    }

    /// <summary>The full registration with good answers; returns the summary card.</summary>
    public static Task<SentMessage> RegisterAsync(TestUser user, string language = "id") =>
        RegisterAsync(user, "Siti Aminah", "Abon Ikan Mama Ani", "+62 812 3456 7890", language);

    /// <summary>The full registration with good answers and the given identity; returns the summary card.</summary>
    public static async Task<SentMessage> RegisterAsync(TestUser user, string ownerName, string businessName, string phone, string language = "id", string? commodity = null)
    {
        var en = language == "en";
        await user.PressAsync(en ? "👤 Business profile" : "👤 Profil usaha");
        await user.NextReplyAsync(); // consent
        await user.PressAsync(en ? "✅ I agree" : "✅ Setuju");
        await user.NextReplyAsync(); // owner_name
        await user.SendTextAsync(ownerName);
        await user.NextReplyAsync();
        await user.SendTextAsync(businessName);
        await user.NextReplyAsync();
        await user.SendTextAsync("abon tuna, abon cakalang");
        await user.NextReplyAsync(); // commodity
        await user.PressAsync(commodity ?? (en ? "Fish floss" : "Abon ikan"));
        await user.NextReplyAsync();
        await user.SendTextAsync("Palu Barat");
        await user.NextReplyAsync();
        await user.SendTextAsync("Lere");
        await user.NextReplyAsync(); // location
        await user.ShareLocationAsync(-0.8917, 119.8707);
        await user.NextReplyAsync(); // phone
        await user.SendContactAsync(phone);
        await user.NextReplyAsync(); // workers
        await user.SendTextAsync("4");
        await user.NextReplyAsync(); // turnover
        await user.SendTextAsync("1,5 jt");
        await user.NextReplyAsync(); // legality (multi)
        await user.PressAsync("NIB");
        await user.NextReplyAsync();
        await user.PressAsync("PIRT");
        await user.NextReplyAsync();
        await user.PressAsync(en ? "✅ Done" : "✅ Selesai memilih");
        await user.NextReplyAsync(); // keeps_books
        await user.PressAsync(en ? "Yes" : "Ya");
        await user.NextReplyAsync(); // has_bank_account
        await user.PressAsync(en ? "Yes" : "Ya");
        await user.NextReplyAsync(); // had_credit
        await user.PressAsync(en ? "No" : "Tidak");
        return await user.NextReplyAsync(); // summary
    }

    /// <summary>
    /// Answers diagnosis questions as they come until the result card (or <paramref name="stopAfter"/> answers).
    /// Choice questions: the choice at <paramref name="choiceIndex"/>; numbers and text typed; photos sent.
    /// </summary>
    public static async Task<SentMessage> AnswerDiagnosisAsync(TestUser user, SentMessage firstQuestion, int choiceIndex = 0, int? stopAfter = null)
    {
        var message = firstQuestion;
        for (var answered = 0; ; answered++)
        {
            if (stopAfter == answered || !message.Text!.Contains('❓')) return message;
            var question = Diagnosis.Questions.First(q => message.Text!.Contains(q.Label.Get("id")) || message.Text!.Contains(q.Label.Get("en")));
            message = await AnswerQuestionAsync(user, message, question, asked =>
                asked.Type == QuestionType.SelectMultiple ? asked.Choices[0].Value : asked.Choices[Math.Min(choiceIndex, asked.Choices.Count - 1)].Value);
        }
    }

    /// <summary>Answers one diagnosis question (a choice: <paramref name="choose"/>'s value; numbers and text typed; a photo sent) and returns the next reply.</summary>
    public static async Task<SentMessage> AnswerQuestionAsync(TestUser user, SentMessage message, Question question, Func<Question, string> choose)
    {
        switch (question.Type)
        {
            case QuestionType.SelectOne or QuestionType.YesNo:
                await user.PressDataAsync($"dg:{question.Id}:{choose(question)}", message.MessageId);
                break;
            case QuestionType.SelectMultiple:
                await user.PressDataAsync($"dg:{question.Id}:{choose(question)}", message.MessageId);
                message = await user.NextReplyAsync();
                await user.PressDataAsync($"dg:{question.Id}:~done", message.MessageId);
                break;
            case QuestionType.Photo:
                await user.SendPhotoAsync("photo-" + question.Id);
                break;
            case QuestionType.Money:
                await user.SendTextAsync("5 jt");
                break;
            case QuestionType.Integer or QuestionType.Decimal:
                await user.SendTextAsync("120");
                break;
            default:
                await user.SendTextAsync("Pemasaran masih sulit");
                break;
        }

        return await user.NextReplyAsync();
    }
}
