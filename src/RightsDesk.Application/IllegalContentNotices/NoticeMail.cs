using RightsDesk.Core.IllegalContentNotices;

namespace RightsDesk.Application.IllegalContentNotices;

/// <summary>
/// What the notifier reads, in the languages of the public pages: the confirmation of receipt (DSA Art. 16(4)) and the
/// decision with the ways to contest it (Art. 16(5)). Only the reference, the date and the desk's words: never the
/// content named, so a relay between here and the mailbox does not learn what was reported.
/// </summary>
public static class NoticeMail
{
    private sealed record Words(
        string ReceivedSubject, string Received, string DecidedSubject, string Acted, string NoAction, string Reasons, string Person, string Redress);

    private static readonly Dictionary<string, Words> Texts = new(StringComparer.Ordinal)
    {
        ["en"] = new("We received your notice {0}", "We received your notice on {1}. Its reference is {0}. A person will look at it and we will write to you with our decision.",
            "Our decision on your notice {0}", "We acted on the content you notified.", "We took no action on the content you notified.", "Reasons",
            "The decision was taken by a person, not by automated means.",
            "If you disagree, you can complain to us within six months, quoting the reference {0}; you can also refer the dispute to a certified out-of-court dispute settlement body (DSA Art. 21) or go to court."),
        ["es"] = new("Hemos recibido su aviso {0}", "Hemos recibido su aviso el {1}. Su referencia es {0}. Una persona lo examinará y le escribiremos con nuestra decisión.",
            "Nuestra decisión sobre su aviso {0}", "Hemos actuado sobre el contenido que notificó.", "No hemos tomado medidas sobre el contenido que notificó.", "Motivos",
            "La decisión la tomó una persona, no un medio automatizado.",
            "Si no está de acuerdo, puede reclamar ante nosotros en un plazo de seis meses citando la referencia {0}; también puede someter el litigio a un órgano certificado de resolución extrajudicial (art. 21 DSA) o acudir a los tribunales."),
        ["fr"] = new("Nous avons reçu votre notification {0}", "Nous avons reçu votre notification le {1}. Sa référence est {0}. Une personne l’examinera et nous vous écrirons avec notre décision.",
            "Notre décision sur votre notification {0}", "Nous avons agi sur le contenu que vous avez notifié.", "Nous n’avons pris aucune mesure sur le contenu que vous avez notifié.", "Motifs",
            "La décision a été prise par une personne, non par des moyens automatisés.",
            "Si vous n’êtes pas d’accord, vous pouvez nous adresser une réclamation dans les six mois en citant la référence {0} ; vous pouvez aussi saisir un organe certifié de règlement extrajudiciaire des litiges (art. 21 DSA) ou un tribunal."),
        ["ar"] = new("تلقّينا إشعارك {0}", "تلقّينا إشعارك في {1}. مرجعه {0}. سيطّلع عليه شخص وسنكتب إليك بقرارنا.",
            "قرارنا بشأن إشعارك {0}", "اتخذنا إجراءً بشأن المحتوى الذي أبلغت عنه.", "لم نتخذ أي إجراء بشأن المحتوى الذي أبلغت عنه.", "الأسباب",
            "اتخذ القرارَ شخصٌ، لا وسيلة آلية.",
            "إن لم توافق، يمكنك تقديم شكوى إلينا خلال ستة أشهر مع ذكر المرجع {0}؛ ويمكنك أيضاً إحالة النزاع إلى هيئة معتمدة لتسوية النزاعات خارج المحاكم (المادة 21 من قانون الخدمات الرقمية) أو اللجوء إلى القضاء."),
        ["ru"] = new("Мы получили ваше уведомление {0}", "Мы получили ваше уведомление {1}. Его номер — {0}. Его рассмотрит человек, и мы сообщим вам о нашем решении.",
            "Наше решение по вашему уведомлению {0}", "Мы приняли меры в отношении указанного вами контента.", "Мы не приняли мер в отношении указанного вами контента.", "Основания",
            "Решение принял человек, а не автоматизированная система.",
            "Если вы не согласны, вы можете подать нам жалобу в течение шести месяцев, указав номер {0}; вы также можете передать спор в сертифицированный орган внесудебного урегулирования (ст. 21 DSA) или обратиться в суд."),
        ["tr"] = new("Bildiriminizi aldık: {0}", "Bildiriminizi {1} tarihinde aldık. Referansı {0}. Bir kişi inceleyecek ve kararımızı size yazacağız.",
            "Bildiriminiz hakkındaki kararımız: {0}", "Bildirdiğiniz içerik hakkında işlem yaptık.", "Bildirdiğiniz içerik hakkında işlem yapmadık.", "Gerekçe",
            "Kararı otomatik bir araç değil, bir kişi verdi.",
            "Katılmıyorsanız, altı ay içinde {0} referansını belirterek bize şikâyette bulunabilir; uyuşmazlığı sertifikalı bir mahkeme dışı uyuşmazlık çözüm kuruluşuna (DSA md. 21) veya mahkemeye de taşıyabilirsiniz."),
        ["fa"] = new("گزارش شما را دریافت کردیم: {0}", "گزارش شما را در {1} دریافت کردیم. شمارهٔ پیگیری آن {0} است. یک انسان آن را بررسی می‌کند و تصمیم‌مان را برایتان می‌نویسیم.",
            "تصمیم ما دربارهٔ گزارش {0}", "دربارهٔ محتوایی که گزارش کردید اقدام کردیم.", "دربارهٔ محتوایی که گزارش کردید اقدامی نکردیم.", "دلایل",
            "این تصمیم را یک انسان گرفت، نه ابزار خودکار.",
            "اگر موافق نیستید، می‌توانید تا شش ماه با ذکر شمارهٔ {0} به ما شکایت کنید؛ همچنین می‌توانید اختلاف را به یک نهاد معتبر حل اختلاف خارج از دادگاه (مادهٔ ۲۱ قانون خدمات دیجیتال) یا به دادگاه ببرید."),
        ["zh-Hans"] = new("我们已收到您的通知 {0}", "我们已于 {1} 收到您的通知，编号为 {0}。将由人工审查，并把我们的决定写信告知您。",
            "关于您的通知 {0} 的决定", "我们已对您通知的内容采取了措施。", "我们未对您通知的内容采取措施。", "理由",
            "该决定由人工作出，而非自动化手段。",
            "如您不同意，可在六个月内引用编号 {0} 向我们投诉；也可将争议提交经认证的庭外争议解决机构（《数字服务法》第21条）或诉诸法院。"),
    };

    private sealed record ComplaintWords(string Code, string Subject, string Upheld, string Reversed, string Redress);

    // {2} is the complaint code; the page is named by its path, as the statement of reasons names the appeal page.
    private static readonly Dictionary<string, ComplaintWords> Complaint = new(StringComparer.Ordinal)
    {
        ["en"] = new("To complain, open our page /notice/complaint and type this complaint code: {2}. Keep it private: it opens this decision.",
            "Our answer to your complaint about notice {0}", "We looked at the decision again and it stands.",
            "We looked at the decision again and reversed it: a person will decide your notice anew, and we will write to you with that decision.",
            "If you still disagree, you can refer the dispute to a certified out-of-court dispute settlement body (DSA Art. 21) or go to court."),
        ["es"] = new("Para reclamar, abra nuestra página /notice/complaint y escriba este código de reclamación: {2}. Manténgalo en privado: abre esta decisión.",
            "Nuestra respuesta a su reclamación sobre el aviso {0}", "Hemos examinado de nuevo la decisión y se mantiene.",
            "Hemos examinado de nuevo la decisión y la hemos revocado: una persona decidirá de nuevo sobre su aviso y le escribiremos con esa decisión.",
            "Si sigue sin estar de acuerdo, puede someter el litigio a un órgano certificado de resolución extrajudicial (art. 21 DSA) o acudir a los tribunales."),
        ["fr"] = new("Pour faire une réclamation, ouvrez notre page /notice/complaint et saisissez ce code de réclamation : {2}. Gardez-le pour vous : il ouvre cette décision.",
            "Notre réponse à votre réclamation sur la notification {0}", "Nous avons réexaminé la décision et elle est maintenue.",
            "Nous avons réexaminé la décision et l’avons annulée : une personne statuera à nouveau sur votre notification et nous vous écrirons avec cette décision.",
            "Si vous n’êtes toujours pas d’accord, vous pouvez saisir un organe certifié de règlement extrajudiciaire des litiges (art. 21 DSA) ou un tribunal."),
        ["ar"] = new("لتقديم شكوى، افتح صفحتنا ‎/notice/complaint‎ واكتب رمز الشكوى هذا: {2}. احتفظ به لنفسك: فهو يفتح هذا القرار.",
            "ردّنا على شكواك بشأن الإشعار {0}", "أعدنا النظر في القرار وهو قائم.",
            "أعدنا النظر في القرار وألغيناه: سيبتّ شخص في إشعارك من جديد، وسنكتب إليك بذلك القرار.",
            "إن بقيت غير موافق، يمكنك إحالة النزاع إلى هيئة معتمدة لتسوية النزاعات خارج المحاكم (المادة 21 من قانون الخدمات الرقمية) أو اللجوء إلى القضاء."),
        ["ru"] = new("Чтобы подать жалобу, откройте нашу страницу /notice/complaint и введите этот код жалобы: {2}. Не сообщайте его никому: он открывает это решение.",
            "Наш ответ на вашу жалобу по уведомлению {0}", "Мы пересмотрели решение, и оно остаётся в силе.",
            "Мы пересмотрели решение и отменили его: человек заново рассмотрит ваше уведомление, и мы сообщим вам о новом решении.",
            "Если вы по-прежнему не согласны, вы можете передать спор в сертифицированный орган внесудебного урегулирования (ст. 21 DSA) или обратиться в суд."),
        ["tr"] = new("Şikâyet etmek için /notice/complaint sayfamızı açın ve bu şikâyet kodunu yazın: {2}. Kimseyle paylaşmayın: bu kararı açar.",
            "{0} bildirimi hakkındaki şikâyetinize yanıtımız", "Kararı yeniden inceledik ve karar geçerliliğini koruyor.",
            "Kararı yeniden inceledik ve kaldırdık: bildiriminiz hakkında bir kişi yeniden karar verecek ve bu kararı size yazacağız.",
            "Hâlâ katılmıyorsanız, uyuşmazlığı sertifikalı bir mahkeme dışı uyuşmazlık çözüm kuruluşuna (DSA md. 21) veya mahkemeye taşıyabilirsiniz."),
        ["fa"] = new("برای شکایت، صفحهٔ ‎/notice/complaint‎ ما را باز کنید و این کد شکایت را بنویسید: {2}. آن را نزد خود نگه دارید: این کد همین تصمیم را باز می‌کند.",
            "پاسخ ما به شکایت شما دربارهٔ گزارش {0}", "تصمیم را دوباره بررسی کردیم و تصمیم به قوت خود باقی است.",
            "تصمیم را دوباره بررسی کردیم و آن را لغو کردیم: یک انسان دوباره دربارهٔ گزارش شما تصمیم می‌گیرد و آن تصمیم را برایتان می‌نویسیم.",
            "اگر همچنان موافق نیستید، می‌توانید اختلاف را به یک نهاد معتبر حل اختلاف خارج از دادگاه (مادهٔ ۲۱ قانون خدمات دیجیتال) یا به دادگاه ببرید."),
        ["zh-Hans"] = new("如需投诉，请打开我们的页面 /notice/complaint 并输入此投诉码：{2}。请勿告诉他人：它可打开此项决定。",
            "关于通知 {0} 的投诉答复", "我们重新审查了该决定，决定维持不变。",
            "我们重新审查了该决定并予以撤销：将由人工重新处理您的通知，并把新的决定写信告知您。",
            "如您仍不同意，可将争议提交经认证的庭外争议解决机构（《数字服务法》第21条）或诉诸法院。"),
    };

    public static (string Subject, string Body) Received(string language, string reference, DateTimeOffset at)
    {
        var w = Texts.GetValueOrDefault(language) ?? Texts["en"];
        return (Format(w.ReceivedSubject, reference, at), Format(w.Received, reference, at) + "\n");
    }

    /// <summary>The decision, with the complaint code (Art. 20) when one was issued.</summary>
    public static (string Subject, string Body) Decided(string language, string reference, NoticeOutcome outcome, string reasons, string? complaintCode = null)
    {
        var w = Texts.GetValueOrDefault(language) ?? Texts["en"];
        var said = outcome == NoticeOutcome.DecisionTaken ? w.Acted : w.NoAction;
        var code = complaintCode is null ? "" : "\n\n" + (Complaint.GetValueOrDefault(language) ?? Complaint["en"]).Code.Replace("{2}", complaintCode, StringComparison.Ordinal);
        return (Format(w.DecidedSubject, reference, default), $"{said}\n\n{w.Reasons}:\n{reasons}\n\n{w.Person}\n\n{Format(w.Redress, reference, default)}{code}\n");
    }

    /// <summary>The outcome of the notifier's complaint, with the ways left to contest it.</summary>
    public static (string Subject, string Body) ComplaintDecided(string language, string reference, bool reversed, string reasons)
    {
        var (w, c) = (Texts.GetValueOrDefault(language) ?? Texts["en"], Complaint.GetValueOrDefault(language) ?? Complaint["en"]);
        return (Format(c.Subject, reference, default), $"{(reversed ? c.Reversed : c.Upheld)}\n\n{w.Reasons}:\n{reasons}\n\n{c.Redress}\n");
    }

    private static string Format(string text, string reference, DateTimeOffset at) =>
        text.Replace("{0}", reference, StringComparison.Ordinal)
            .Replace("{1}", at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
