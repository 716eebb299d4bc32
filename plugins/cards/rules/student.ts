import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { CARDS_LINE } from '../domain.js';
import { SETTING } from '../settings.js';
import { externalStudentCardBanks, freshCreditReport, heldCreditCards, isApplication, productCard } from './card-facts.js';
import { REG } from './regulations.js';

/**
 * Students: credit cards from at most `cards.studentCardBankCap` banks, and
 * only with a guardian's written consent to repay (第二还款来源). Banks are
 * those the credit bureau's report shows plus this bank when a student card of
 * ours is already held. Without a report no older than
 * `cards.creditReportMaxAgeDays`, the count is unknown: the step that obtains
 * one (CREDIT_REPORT_AUTHORISATION) is required, and a sale that claims the step
 * while no report is on file is blocked — nothing is assumed.
 */
export const studentCard: SuitabilityRule = {
  id: 'cards.student',
  version: '1.0.0',
  lines: [CARDS_LINE],
  regulation: REG.creditCardArt45,
  description: text(
    '学生申领信用卡：限制发卡银行家数，并须落实第二还款来源',
    'Students: credit cards from a limited number of banks, with a guardian as second repayment source',
  ),
  reasons: {
    CREDIT_REPORT_NEEDED: {
      outcome: 'REQUIRE',
      step: 'CREDIT_REPORT_AUTHORISATION',
      message: text(
        '须经客户书面授权查询征信，以核实其在他行的学生信用卡（本行无 {maxAge} 天内的征信报告）',
        "The student's credit report must be obtained with their written authorisation, to count student cards at other banks (none on file within {maxAge} days)",
      ),
    },
    CREDIT_REPORT_NOT_ON_FILE: {
      outcome: 'BLOCK',
      message: text(
        '已记录征信查询授权，但 {maxAge} 天内的征信报告尚未登记（recordExternalReport），无法核实他行学生信用卡',
        'The credit report query is marked authorised, but no report within {maxAge} days is recorded (recordExternalReport): student cards elsewhere cannot be counted',
      ),
    },
    STUDENT_CARD_CAP: {
      outcome: 'BLOCK',
      message: text(
        '该学生已持有 {count} 家银行的学生信用卡（{banksZh}），达到上限 {cap} 家',
        'The student already holds student credit cards from {count} banks ({banksEn}); the limit is {cap}',
      ),
    },
    GUARDIAN_CONSENT: {
      outcome: 'REQUIRE',
      step: 'GUARDIAN_REPAYMENT_CONSENT',
      message: text(
        '学生申领信用卡须取得父母或监护人同意代为还款的书面担保',
        "A student's credit card needs a parent's or guardian's written consent to repay",
      ),
    },
  },
  evaluate(facts, ctx) {
    const { cardKind } = productCard(facts);
    if (!isApplication(facts) || cardKind !== 'CREDIT' || !facts.customer.student) return [];
    const cap = ctx.settings.get<number>(SETTING.studentCardBankCap);
    const maxAge = ctx.settings.get<number>(SETTING.creditReportMaxAgeDays);
    const report = freshCreditReport(facts, maxAge);
    if (report === null) {
      const onFile = facts.customer.external.CREDIT_REPORT;
      const saw = { student: facts.customer.student, cardKind, creditReportAgeDays: onFile ? onFile.ageDays : null, maxAge };
      const claimed = facts.sale.completedSteps.includes('CREDIT_REPORT_AUTHORISATION');
      return [{ code: claimed ? 'CREDIT_REPORT_NOT_ON_FILE' : 'CREDIT_REPORT_NEEDED', params: { maxAge }, saw }];
    }
    const external = externalStudentCardBanks(report);
    const holdsOurs = heldCreditCards(facts).some((h) => h.attributes.creditCardType === 'STUDENT');
    const others = [...new Set(external.map((b) => b.trim()))];
    const count = others.length + (holdsOurs ? 1 : 0);
    const saw = {
      student: facts.customer.student,
      cardKind,
      creditReportAgeDays: report.ageDays,
      externalStudentCardBanks: others,
      holdsOurStudentCard: holdsOurs,
      bankCount: count,
      cap,
    };
    if (count >= cap) {
      const banksZh = [...(holdsOurs ? ['本行'] : []), ...others].join('、');
      const banksEn = [...(holdsOurs ? ['this bank'] : []), ...others].join(', ');
      return [{ code: 'STUDENT_CARD_CAP', params: { count, cap, banksZh, banksEn }, saw }];
    }
    return [{ code: 'GUARDIAN_CONSENT', saw }];
  },
};
