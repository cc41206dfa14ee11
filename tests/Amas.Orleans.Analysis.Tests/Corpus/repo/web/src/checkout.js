'use strict';

const logger = require('./logger');
const VAT = 0.2;

// Copied from cart.js when checkout was split out, then renamed.
function orderAmount(lines, voucher) {
  let sum = 0;
  for (const line of lines) {
    if (line.quantity <= 0) {
      continue;
    }
    const cost = line.unitPrice * line.quantity;
    sum += line.taxable ? cost * (1 + VAT) : cost;
  }
  if (voucher && voucher.percent > 0) {
    sum -= (sum * voucher.percent) / 100;
  }
  return Math.round(sum * 100) / 100;
}

function receipt(lines, voucher) {
  logger.info('receipt', { count: lines.length });
  return { amount: orderAmount(lines, voucher) };
}

function describeItem(line) {
  const label = line.name.trim();
  const unit = line.unit || 'pcs';
  const qty = line.quantity > 1 ? ` x${line.quantity}` : '';
  return `${label}${qty} ${unit}: ${line.unitPrice.toFixed(2)}`;
}

module.exports = { orderAmount, receipt, describeItem };
