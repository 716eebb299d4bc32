import { text } from '../../../src/sdk/index.js';

/** Sources the card rules cite (see the domain notes in README.md). */
export const REG = {
  creditCardArt43: text(
    '《商业银行信用卡业务监督管理办法》第四十三条',
    'Measures on the supervision of credit card business of commercial banks (2011), Art. 43',
  ),
  creditCardArt44: text(
    '《商业银行信用卡业务监督管理办法》第四十四条',
    'Measures on the supervision of credit card business of commercial banks (2011), Art. 44',
  ),
  creditCardArt45: text(
    '《商业银行信用卡业务监督管理办法》第四十五条',
    'Measures on the supervision of credit card business of commercial banks (2011), Art. 45',
  ),
  repayment: text(
    '《商业银行信用卡业务监督管理办法》（申请人还款能力审核）',
    'Measures on the supervision of credit card business (applicant repayment capacity)',
  ),
  cardCap: text('本行银行卡持卡数量管理规定', 'Bank house rule on the number of cards per customer'),
  realName: text('《个人存款账户实名制规定》第六条、第七条', 'Provisions on the real-name system for personal deposit accounts, Arts. 6–7'),
  accountClasses: text(
    '《关于落实个人银行账户分类管理制度的通知》（银发〔2016〕302号）',
    'PBoC notice on classified management of personal bank accounts (Yinfa [2016] No. 302)',
  ),
  accountClassLimits: text(
    '银发〔2016〕302号；《关于改进个人银行账户分类管理有关事项的通知》（银发〔2018〕16号）',
    'Yinfa [2016] No. 302; PBoC notice on improving classified management of personal bank accounts (Yinfa [2018] No. 16)',
  ),
};
